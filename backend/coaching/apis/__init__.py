"""The coaching API: the leader's request, HR's pool and queue, the internal coach's leaders."""
