"""The know-how finder: "who has solved this?", leaders found by the problems they can solve."""
