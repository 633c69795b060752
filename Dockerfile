# Production image: the same locked dependencies and system libraries CI uses natively.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

# WeasyPrint renders with the system Pango; fonts-liberation gives it Arial-compatible metrics.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock .
RUN pip install -r requirements.lock

COPY . .
# The front-end is committed prebuilt in static/dist (npm run build refreshes it).
RUN DEBUG=false SECRET_KEY=collectstatic-only-build-time-key-that-is-long-enough-0123456789 \
    EMAIL_URL=smtp://build.invalid:25 CONTACT_EMAIL=build@build.invalid \
    python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 portal && mkdir -p /data/media && chown -R portal /data
USER portal

EXPOSE 8000
# Timeouts: slow work belongs in Celery (review and response PDFs, web imports) and CSVs stream, so a
# worker silent for 120 s is stuck and is replaced; --max-requests recycles workers so memory
# cannot creep. docker-compose.yml repeats these flags.
CMD ["gunicorn", "compact_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "120", "--graceful-timeout", "30", "--keep-alive", "5", \
     "--max-requests", "1000", "--max-requests-jitter", "100", "--access-logfile", "-"]
