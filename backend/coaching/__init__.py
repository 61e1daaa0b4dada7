"""A confidential coach: HR's coach pool and a leader's request, out of sight of the line."""
