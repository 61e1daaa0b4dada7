"""HTTP entry points of the networks app, one module per feature (``urls.py`` names them).

Each view parses its input, calls one selector or service with the acting user, and serialises
the result. Out-of-scope objects are 404; a role the view does not admit is 403 (see
``backend/api/permissions.py``); business rules are 400/409 with field errors.
"""
