"""The network-value API: the member's question and HR's overview."""
