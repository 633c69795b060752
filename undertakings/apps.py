from django.apps import AppConfig


class UndertakingsConfig(AppConfig):
    name = "undertakings"
    verbose_name = "Codes, undertakings and compliance"
