"""Is this network worth your time? A periodic question to members of formal networks."""
