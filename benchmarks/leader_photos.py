"""Leaders' photos and the wall roster's QR codes: portrait making, roster time with and without codes, PDF size.

    python benchmarks/leader_photos.py [--buildings 100]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from benchmarks.reports import roster_grid  # noqa: E402
from gridkeeper.reports import contact_qr  # noqa: E402
from gridkeeper.reports.roster import write_roster  # noqa: E402
from gridkeeper.services import leader_photos  # noqa: E402
from gridkeeper.services.database import open_database  # noqa: E402
from gridkeeper.services.portrait import make_portrait, open_photo  # noqa: E402
from gridkeeper.storage.models import LeaderAssignment  # noqa: E402
from tests.photos import portrait_like  # noqa: E402

TODAY = date(2026, 11, 20)


def jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92)
    return out.getvalue()


def portraits() -> None:
    photo = portrait_like((3000, 4000))
    for label, data in (("4000×3000 lying on its side", jpeg(photo.transpose(Image.Transpose.ROTATE_90))),
                        ("48 MP 8000×6000", jpeg(photo.resize((6000, 8000))))):
        started = time.perf_counter()
        made = make_portrait(open_photo(data, "x.jpg"))
        print(f"portrait from {label} ({len(data) / 1e6:.1f} MB): {time.perf_counter() - started:.2f} s, "
              f"{len(made.jpeg)} bytes stored ({made.width}×{made.height})")


def noise_portrait():
    noise = Image.frombytes("RGB", (900, 1200), os.urandom(900 * 1200 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG")
    return make_portrait(open_photo(out.getvalue(), "noise.png"))


def rosters(buildings: int) -> None:
    path = roster_grid(buildings)
    engine = open_database(path).engine
    out = path.parent / "roster.pdf"
    with Session(engine) as session:
        for label in ("QR codes encoded", "QR codes cached"):
            started = time.perf_counter()
            pages = write_roster(session, "FK-99", out, today=TODAY)
            print(f"roster, {pages} pages, {label}: {time.perf_counter() - started:.2f} s, "
                  f"{out.stat().st_size / pages / 1024:.0f} KB a page")
        contact_qr.qr_modules.cache_clear()
        contact_qr.qr_image.cache_clear()
        leaders = session.exec(select(LeaderAssignment).where(LeaderAssignment.role == "building")).all()
        for leader in leaders:
            leader_photos.set_photo(session, leader.id, noise_portrait(), today=TODAY)
        session.commit()
        started = time.perf_counter()
        pages = write_roster(session, "FK-99", out, today=TODAY)
        print(f"roster, {pages} pages, every leader with a different worst-case photo: "
              f"{time.perf_counter() - started:.2f} s, {out.stat().st_size / pages / 1024:.0f} KB a page")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--buildings", type=int, default=100)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    portraits()
    rosters(args.buildings)


if __name__ == "__main__":
    main()
