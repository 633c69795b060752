app_name = "undertakings"

urlpatterns: list = []
