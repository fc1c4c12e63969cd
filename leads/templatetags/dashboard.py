from django import template

from leads.admin.dashboard import dashboard_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard(context):
    return dashboard_cards(context["request"].user)
