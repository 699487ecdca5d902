// SPDX-License-Identifier: Apache-2.0
#include "sim/expectations.h"

#include <limits>

#include "models/common/units.h"
#include "sim/run_result.h"

namespace sim::app {
namespace {

using config::ConfigNode;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::uint64_t message_count(const LedgerSummary& m, const std::string& key) {
  if (key == "sent") return m.sent;
  if (key == "delivered") return m.delivered;
  if (key == "dropped") return m.dropped;
  if (key == "corrupted") return m.corrupted;
  return m.in_flight;
}

} // namespace

CountSpec parse_count(const ConfigNode& node) {
  const std::string s = node.str();
  CountSpec c;
  c.text = s;
  try {
    if (s.rfind(">=", 0) == 0) {
      c.lo = parse_uint(s.substr(2));
      c.hi = kMax;
    } else if (s.rfind("<=", 0) == 0) {
      c.lo = 0;
      c.hi = parse_uint(s.substr(2));
    } else if (std::size_t dots = s.find(".."); dots != std::string::npos) {
      c.lo = parse_uint(s.substr(0, dots));
      c.hi = parse_uint(s.substr(dots + 2));
      if (c.lo > c.hi) node.fail("range '" + s + "' is empty (low end above high end)");
    } else {
      c.lo = c.hi = parse_uint(s);
    }
  } catch (const UnitError&) {
    node.fail("expected a count: N, \">=N\", \"<=N\" or \"A..B\", got '" + s + "'");
  }
  return c;
}

Expectations parse_expectations(const ConfigNode& expect) {
  Expectations e;
  expect.require_map();
  if (auto o = expect.get("outcome")) {
    e.outcome = o->str();
    if (*e.outcome != "completed" && *e.outcome != "timeout" && *e.outcome != "panic" &&
        *e.outcome != "attach_failed")
      o->fail("outcome is one of: completed, timeout, panic, attach_failed");
  }
  if (auto m = expect.get("messages")) {
    for (const char* key : {"sent", "delivered", "dropped", "corrupted", "in_flight"})
      if (auto n = m->get(key)) e.messages[key] = parse_count(*n);
  }
  if (auto c = expect.get("console")) {
    for (const char* side : {"master", "remote"}) {
      if (auto lines = c->get(side))
        for (const ConfigNode& line : lines->items()) e.console[side].push_back(line.str());
    }
  }
  if (auto p = expect.get("panic")) {
    Expectations::Panic panic;
    if (auto n = p->get("cluster")) panic.cluster = n->str();
    if (auto n = p->get("kind")) panic.kind = n->str();
    if (auto n = p->get("address")) panic.address = n->uint();
    e.panic = panic;
  }
  return e;
}

std::vector<ExpectationResult> evaluate(const Expectations& expect, const RunResult& r) {
  std::vector<ExpectationResult> out;
  if (expect.outcome)
    out.push_back({"outcome", *expect.outcome, r.outcome, *expect.outcome == r.outcome});
  for (const auto& [key, spec] : expect.messages) {
    std::uint64_t v = message_count(r.messages, key);
    out.push_back({"messages." + key, spec.text, std::to_string(v), spec.matches(v)});
  }
  for (const auto& [side, lines] : expect.console) {
    auto it = r.console.find(side);
    const std::string text = it == r.console.end() ? std::string() : it->second;
    for (const std::string& line : lines) {
      bool found = text.find(line) != std::string::npos;
      out.push_back({"console." + side, line, found ? "present" : "absent", found});
    }
  }
  if (expect.panic) {
    const Expectations::Panic& p = *expect.panic;
    const models::PanicInfo* match = nullptr;
    for (const models::PanicInfo& info : r.panics)
      if (!p.cluster || *p.cluster == info.cluster) match = &info;
    if (p.cluster)
      out.push_back(
          {"panic.cluster", *p.cluster, match ? match->cluster : "none", match != nullptr});
    if (p.kind)
      out.push_back({"panic.kind", *p.kind, match ? match->kind : "none",
                     match != nullptr && match->kind == *p.kind});
    if (p.address)
      out.push_back({"panic.address", format_hex(*p.address),
                     match && match->has_address ? format_hex(match->address) : "none",
                     match != nullptr && match->has_address && match->address == *p.address});
  }
  return out;
}

} // namespace sim::app
