"""REST APIs of the people app, one small view per endpoint (see ``backend/people/urls.py``)."""
