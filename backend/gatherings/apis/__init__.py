"""The gatherings API: meetings, attendees, composing, moving, the printable plan."""
