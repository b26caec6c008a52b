"""Load: policy officers browsing, searching and editing the register at once (run by bench/load_bench.py).

Each simulated user logs in with an account of their own, browses lists and pages, and edits two kinds of
initiative: one that only they edit (so the last write must be theirs) and one of a few that everybody edits
(so saves collide). Every save the server accepts is written down with the version it started from; after the
run, load_bench.py compares that ledger with the database to prove that no accepted save was lost.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time

import lxml.html
from locust import HttpUser, between, events, task

LEDGER: list[dict] = []  # one entry per save the server accepted; locust users share one process
# Every request as (finished at, name, milliseconds, ok), so that load_bench.py can tell the login ramp from the
# steady minute that follows it; locust's own summary mixes the two.
TIMINGS: list[tuple[float, str, float, bool]] = []
SPAWNED: list[float] = []  # when the last user had been started
_next_user = itertools.count()
OWN = [int(pk) for pk in os.environ["IMS_LOAD_OWN"].split(",")]
SHARED = [int(pk) for pk in os.environ["IMS_LOAD_SHARED"].split(",")]
PARTNERS = os.environ["IMS_LOAD_PARTNERS"].split(",")
PASSWORD = os.environ["IMS_LOAD_PASSWORD"]
WORDS = ["staf", "brigade", "marine", "lucht", "training", "munitie", "opleiding", "cyber"]
_CONFLICT = "intussen gewijzigd"


class Officer(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.index = next(_next_user)
        self.username = f"load-{self.index:02d}"
        self.own = OWN[self.index % len(OWN)]
        self.edits = 0
        form = self._form(self.client.get("/login/", name="login"), "//form[.//input[@name='password']]")
        form.update({"username": self.username, "password": PASSWORD})
        with self.client.post("/login/", data=form, name="login", catch_response=True,
                              allow_redirects=False) as response:
            if response.status_code != 302:
                response.failure(f"login refused for {self.username}")

    @staticmethod
    def _form(response, xpath: str) -> dict:
        """The fields of a form as the browser would send them back unchanged."""
        return dict(lxml.html.fromstring(response.text).xpath(xpath)[0].form_values())

    @task(3)
    def initiative_list(self) -> None:
        status = random.choice(["running", "preparation", "study", ""])
        self.client.get(f"/initiatieven/?status={status}&kind=general&sort=-start", name="initiative list")

    @task(2)
    def search(self) -> None:
        self.client.get(f"/initiatieven/?q={random.choice(WORDS)}", name="search")

    @task(2)
    def partner_list(self) -> None:
        self.client.get("/partners/", name="partner list")

    @task(2)
    def partner_page(self) -> None:
        self.client.get(f"/partners/{random.choice(PARTNERS)}/", name="partner page")

    @task(3)
    def initiative_page(self) -> None:
        self.client.get(f"/initiatieven/{random.choice(SHARED + OWN)}/", name="initiative page")

    @task(1)
    def edit_own(self) -> None:
        self._edit(self.own, "edit (own)")

    @task(1)
    def edit_shared(self) -> None:
        self._edit(random.choice(SHARED), "edit (shared)")

    def _edit(self, pk: int, name: str) -> None:
        url = f"/initiatieven/{pk}/bewerken/"
        form = self._form(self.client.get(url, name=f"{name} form"), "//form[@class='stacked']")
        self.edits += 1
        summary = f"{self.username} schrijft {self.edits}"
        form["summary"] = summary
        with self.client.post(url, data=form, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code == 302:
                LEDGER.append({"initiative": pk, "user": self.username, "summary": summary,
                               "base_version": int(form["base_version"])})
            elif response.status_code == 200 and _CONFLICT in response.text:
                response.success()  # refused on purpose: someone saved first; the user sees both versions
            else:
                response.failure(f"save answered {response.status_code}: {_first_error(response.text)}")


def _first_error(text: str) -> str:
    found = re.search(r'class="error">([^<]+)<', text)
    return found.group(1) if found else text[:200]


@events.request.add_listener
def _time_request(name, response_time, exception, **kwargs) -> None:
    TIMINGS.append((time.time(), name, response_time, exception is None))


@events.spawning_complete.add_listener
def _spawned(user_count, **kwargs) -> None:
    SPAWNED.append(time.time())


@events.test_stop.add_listener
def _write_ledger(environment, **kwargs) -> None:
    with open(os.environ["IMS_LOAD_LEDGER"], "w") as out:
        json.dump({"saves": LEDGER, "timings": TIMINGS, "spawned": SPAWNED[:1]}, out)
