"""The worker's tasks, one module per queue."""
