from .boards import Appointment, AppointmentMethod, Board
from .people import ConsentMethod, Representative

__all__ = ["Appointment", "AppointmentMethod", "Board", "ConsentMethod", "Representative"]
