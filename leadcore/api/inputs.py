"""What a view reads off an API request, typed: the authenticated user and the JSON object body."""

from typing import Any

from django.contrib.auth.models import User
from rest_framework import exceptions
from rest_framework.request import Request


def api_user(request: Request) -> User:
    """The user the request authenticated as; every endpoint requires one (`IsAuthenticated`)."""
    user = request.user
    if not isinstance(user, User):
        raise exceptions.NotAuthenticated()
    return user


def json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object: `BoundedJSONParser` refuses anything else, an empty body is `{}`."""
    data = request.data
    if not isinstance(data, dict):
        raise exceptions.ParseError("The body must be a JSON object.")
    return data
