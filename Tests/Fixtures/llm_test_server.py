#!/usr/bin/env python3
"""A stand-in OpenAI-compatible chat-completions server for TwinLab's LLM agent tests.

Standard library only. Binds 127.0.0.1 on a free port and prints "PORT <n>" on its first
stdout line. The request's `model` picks the behaviour:

  valid         a valid decision derived from the alert context (the default)
  lowercase     a valid decision with lower-case enum values
  malformed     content that is not JSON
  partial       an object without preventedLoss and humanRecommendation
  wrong-types   estimatedSavings as a string
  unknown-enum  action "REBOOT"
  extra-key     a valid decision plus an extra key
  trailing      a valid decision followed by prose
  fenced        a valid decision inside a markdown code fence
  negative      preventedLoss below zero
  flaky         HTTP 500 on the first attempt of every distinct request, then valid
  slow          valid, after 3 s
  bad-request   HTTP 400
  error-body    HTTP 200 with an OpenAI error object
  auth          valid only with "Authorization: Bearer test-key", else HTTP 401

GET /stats returns {"requests": n} (POSTs so far). Exits on SIGTERM or when stdin closes.
"""
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
SEEN = {}
STATS = {"requests": 0}


def decision(context):
    signal = context.get("signal", "other")
    critical = context.get("severity") == "CRITICAL"
    action = {"temperature": "MAINTENANCE", "power": "OFFLINE",
              "vibration": "OFFLINE" if critical else "MAINTENANCE"}.get(signal, "NONE")
    cost = context.get("downtimeCostPerHour", 0) * context.get("meanRepairHours", 0)
    return {
        "rootCause": "llm-test: %s alert" % signal,
        "riskLevel": "CRITICAL" if critical else "HIGH",
        "action": action,
        "reasoning": "test server: %s on %s at %.3f" % (context.get("ruleID"), context.get("machineID"),
                                                        context.get("value", 0)),
        "estimatedSavings": round(cost * 0.25, 3),
        "preventedLoss": round(cost * 0.5, 3),
        "humanRecommendation": "Check %s." % context.get("machineID"),
    }


def envelope(content):
    return {"id": "test", "object": "chat.completion", "model": "test",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}]}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with LOCK:
            self.reply(200, dict(STATS))

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with LOCK:
            STATS["requests"] += 1
            SEEN[raw] = SEEN.get(raw, 0) + 1
            attempt = SEEN[raw]
        request = json.loads(raw)
        model = request.get("model", "valid")
        context = json.loads(request["messages"][-1]["content"])
        good = decision(context)
        if model == "flaky" and attempt == 1:
            return self.reply(500, {"error": {"message": "try again"}})
        if model == "slow":
            time.sleep(3)
        if model == "bad-request":
            return self.reply(400, {"error": {"message": "bad request"}})
        if model == "error-body":
            return self.reply(200, {"error": {"message": "model not loaded"}})
        if model == "auth" and self.headers.get("Authorization") != "Bearer test-key":
            return self.reply(401, {"error": {"message": "unauthorised"}})
        if model == "lowercase":
            good["action"] = good["action"].lower()
            good["riskLevel"] = good["riskLevel"].lower()
        content = json.dumps(good)
        if model == "malformed":
            content = '{"rootCause": "overheating", "riskLevel": '
        elif model == "partial":
            content = json.dumps({k: v for k, v in good.items() if k not in ("preventedLoss", "humanRecommendation")})
        elif model == "wrong-types":
            content = json.dumps(dict(good, estimatedSavings=str(good["estimatedSavings"])))
        elif model == "unknown-enum":
            content = json.dumps(dict(good, action="REBOOT"))
        elif model == "extra-key":
            content = json.dumps(dict(good, confidence=0.9))
        elif model == "trailing":
            content = json.dumps(good) + "\nI hope this helps!"
        elif model == "fenced":
            content = "```json\n" + json.dumps(good) + "\n```"
        elif model == "negative":
            content = json.dumps(dict(good, preventedLoss=-5))
        self.reply(200, envelope(content))


def exit_when_parent_goes():
    """Stops the server when stdin closes, so a crashed test run leaves no server behind."""
    sys.stdin.read()
    os._exit(0)


def main():
    # A test runner's thread may have SIGTERM blocked; the spawned server inherits the mask.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
