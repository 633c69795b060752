"""Views for organisations, split by what the person is doing: browsing the directory, looking after
an organisation, memberships, the eligibility checker and the open-data API."""
