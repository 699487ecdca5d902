// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/expectations.h"

#include <algorithm>
#include <limits>
#include <set>

#include "models/coherency/finding.h"
#include "models/common/units.h"
#include "models/cpu/panic_info.h"
#include "sim/scenario/software_counters.h"
#include "sw/hal/drop_reasons.h"

namespace sim::app {
namespace {

using config::ConfigNode;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

constexpr const char* kMessageStates[] = {"sent",      "delivered", "dropped",
                                          "corrupted", "in_flight", "echoes"};
void parse_channels(const ConfigNode& node, Expectations& e) {
  for (const auto& [channel, directions] : node.entries()) {
    directions.require_map();
    for (Direction direction : kDirections) {
      auto counts = directions.get(direction_key(direction));
      if (!counts) continue;
      counts->require_map();
      for (const char* key : kMessageStates)
        if (auto n = counts->get(key)) e.channels[channel][direction][key] = parse_count(*n);
    }
  }
}

// `linux:` / `zephyr:`: counters by name, plus the side's own non-counter keys.
void parse_software(const ConfigNode& node, Stack stack, Expectations& e) {
  const std::vector<std::string> names = counter_names(stack);
  for (const auto& [key, value] : node.entries()) {
    if (stack == Stack::kLinux && key == "channels") {
      for (const ConfigNode& ch : value.items()) e.linux_channels.push_back(ch.str());
    } else if (stack == Stack::kLinux && key == "attach_error") {
      e.attach_error = value.str();
    } else if (stack == Stack::kZephyr && key == "error") {
      e.zephyr_error = value.str();
    } else if (std::find(names.begin(), names.end(), key) != names.end()) {
      e.counters[stack][key] = parse_count(value);
    } else {
      std::vector<std::string> known = stack == Stack::kLinux
                                           ? std::vector<std::string>{"channels", "attach_error"}
                                           : std::vector<std::string>{"error"};
      known.insert(known.end(), names.begin(), names.end());
      std::string list;
      for (const std::string& n : known) list += (list.empty() ? "" : ", ") + n;
      value.fail(std::string("unknown ") + stack_name(stack) + " expectation '" + key + "'" +
                 config::did_you_mean(key, known) + " (known: " + list + ")");
    }
  }
}

void parse_coherency(const ConfigNode& c, Expectations& e) {
  c.require_map();
  for (const auto& [key, value] : c.entries()) {
    if (key == "first_kind") {
      e.first_kind = value.str();
      bool known = false;
      for (models::coherency::Kind k : models::coherency::kKinds)
        known = known || *e.first_kind == kind_name(k);
      if (!known)
        value.fail("first_kind is one of: stale_read, unpublished_read, lost_update, "
                   "discarded_write");
      continue;
    }
    if (key == "first_symbol") {
      e.first_symbol = value.str();
      continue;
    }
    bool known = key == "violations" || key == "discarded_lines" || key == "unobserved_discards";
    for (models::coherency::Kind k : models::coherency::kKinds)
      known = known || key == kind_name(k);
    if (!known)
      value.fail("unknown coherency expectation '" + key +
                 "' (known: violations, stale_read, unpublished_read, lost_update, "
                 "discarded_write, discarded_lines, unobserved_discards, first_kind, "
                 "first_symbol)");
    e.coherency[key] = parse_count(value);
  }
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
    for (const char* key : kMessageStates)
      if (auto n = m->get(key)) e.messages[key] = parse_count(*n);
    // Receptions of a buffer nothing was published in (a ring entry read twice).
    if (auto n = m->get("unexpected")) e.messages["unexpected"] = parse_count(*n);
  }
  if (auto d = expect.get("drops")) {
    for (const auto& [reason, spec] : d->entries()) {
      const auto& all = hal::drop::kAll;
      if (std::find(all.begin(), all.end(), reason) == all.end()) {
        std::string known;
        for (std::string_view r : all) known += (known.empty() ? "" : ", ") + std::string(r);
        spec.fail("no message is dropped for '" + reason + "' (reasons: " + known + ")");
      }
      e.drops[reason] = parse_count(spec);
    }
  }
  if (auto c = expect.get("console")) {
    for (Side side : kSides) {
      if (auto lines = c->get(side_name(side)))
        for (const ConfigNode& line : lines->items()) e.console[side].push_back(line.str());
    }
  }
  if (auto l = expect.get("latency_us")) {
    for (const char* key : {"p50", "p99", "max"})
      if (auto n = l->get(key)) e.latency_us[key] = parse_count(*n);
  }
  if (auto eps = expect.get("endpoints"))
    eps->fail("replaced by `channels:` — messages are counted per channel (the name the remote "
              "announced) and direction: channels: {rpmsg-client-sample: {master_to_remote: "
              "{sent: 3}, remote_to_master: {delivered: 3}}}");
  if (auto c = expect.get("channels")) parse_channels(*c, e);
  if (auto l = expect.get("linux")) parse_software(*l, Stack::kLinux, e);
  if (auto z = expect.get("zephyr")) parse_software(*z, Stack::kZephyr, e);
  if (auto c = expect.get("coherency")) parse_coherency(*c, e);
  if (auto p = expect.get("panic")) {
    Expectations::Panic panic;
    if (auto n = p->get("cluster"))
      panic.cluster =
          n->choice<std::string>({{side_name(Side::kMaster), side_name(Side::kMaster)},
                                  {side_name(Side::kRemote), side_name(Side::kRemote)}});
    if (auto n = p->get("kind")) {
      panic.kind = n->str();
      const auto& kinds = models::kPanicKinds;
      if (std::find(kinds.begin(), kinds.end(), *panic.kind) == kinds.end()) {
        std::string known;
        for (std::string_view k : kinds) known += (known.empty() ? "" : ", ") + std::string(k);
        n->fail("no cluster panics with '" + *panic.kind + "' (kinds: " + known + ")");
      }
    }
    if (auto n = p->get("address")) panic.address = n->uint();
    e.panic = panic;
  }
  return e;
}

} // namespace sim::app
