"""REST endpoints of the mentoring app, one module per entity.

``programmes`` (programmes, enrolment, mentor offers, analytics), ``runs``, ``proposals``
(proposals and self-match suggestions), ``mentorships`` (pairs and HR's flags), ``checkins``.
Each view parses its input, calls one service (writes) or selector (reads) with the acting user
as ``actor``, and builds its response with the serializer that documents it
(``backend.mentoring.serializers``). Privacy (brief): HR sees its organisation (its
administrations when scoped); a leader sees their own proposals, suggestions and pairs; anyone
else, a boss included, gets 404 — no endpoint tells a boss that a pairing exists. A caller who
is not the kind of user an endpoint is for (a leader calling an HR endpoint) gets 403.
"""
