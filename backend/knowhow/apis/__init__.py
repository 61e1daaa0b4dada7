"""The know-how finder's HTTP views."""
