from ims.accounts.permissions import Action, may


def permissions(request) -> dict:
    """What the menu needs to know about the user's role."""
    user = getattr(request, "user", None)
    return {"can_edit": may(user, Action.EDIT)}
