"""The bare endpoint of bench/load.py: one upsert per request on the same stack (gunicorn, PostgreSQL), no
framework beyond Flask and no ORM, as the yardstick for the product's save.

    DATABASE_URL=postgresql://... gunicorn -c gunicorn.conf.py --chdir bench bare_upsert:app
"""
import os
from datetime import datetime, timezone

from flask import Flask, jsonify, request
from sqlalchemy import create_engine, text

DATABASE_URL = os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
engine = create_engine(DATABASE_URL, pool_pre_ping=True)
app = Flask(__name__)

UPSERT = text("INSERT INTO bare_responses (item_id, answer, saved_at) VALUES (:item, :answer, :now) "
              "ON CONFLICT (item_id) DO UPDATE SET answer = excluded.answer, saved_at = excluded.saved_at")


@app.put("/bare/<int:item_id>")
def save(item_id: int):
    answer = (request.get_json(silent=True) or {}).get("answer")
    with engine.begin() as conn:
        conn.execute(UPSERT, {"item": item_id, "answer": str(answer), "now": datetime.now(timezone.utc)})
    return jsonify(item=item_id)
