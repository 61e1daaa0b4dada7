"""Leader meetings (Ledertræf): attendees, mixed tables over several rounds, plan and name cards."""
