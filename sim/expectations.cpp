// SPDX-License-Identifier: Apache-2.0
#include "sim/expectations.h"

#include <algorithm>
#include <limits>
#include <set>

#include "models/common/units.h"
#include "sim/run_result.h"
#include "sw/hal/drop_reasons.h"

namespace sim::app {
namespace {

using config::ConfigNode;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::uint64_t message_count(const MessageCounts& m, const std::string& key) {
  if (key == "sent") return m.sent;
  if (key == "delivered") return m.delivered;
  if (key == "dropped") return m.dropped;
  if (key == "corrupted") return m.corrupted;
  if (key == "echoes") return m.echoes;
  return m.in_flight;
}

constexpr const char* kMessageStates[] = {"sent",      "delivered", "dropped",
                                          "corrupted", "in_flight", "echoes"};
constexpr const char* kDirections[] = {"master_to_remote", "remote_to_master"};

std::string seen_channels(const ChannelCounts& channels) {
  std::set<std::string> names;
  for (const auto& [key, counts] : channels) names.insert(key.first);
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

void parse_channels(const ConfigNode& node, Expectations& e) {
  for (const auto& [channel, directions] : node.entries()) {
    directions.require_map();
    for (const char* direction : kDirections) {
      auto counts = directions.get(direction);
      if (!counts) continue;
      counts->require_map();
      for (const char* key : kMessageStates)
        if (auto n = counts->get(key)) e.channels[channel][direction][key] = parse_count(*n);
    }
  }
}

// `linux:` / `zephyr:`: counters by name, plus the side's own non-counter keys.
void parse_software(const ConfigNode& node, const std::string& side, Expectations& e) {
  const std::vector<std::string> names = counter_names(side);
  for (const auto& [key, value] : node.entries()) {
    if (side == "linux" && key == "channels") {
      for (const ConfigNode& ch : value.items()) e.linux_channels.push_back(ch.str());
    } else if (side == "linux" && key == "attach_error") {
      e.attach_error = value.str();
    } else if (side == "zephyr" && key == "error") {
      e.zephyr_error = value.str();
    } else if (std::find(names.begin(), names.end(), key) != names.end()) {
      e.counters[side][key] = parse_count(value);
    } else {
      std::string known = side == "linux" ? "channels, attach_error" : "error";
      for (const std::string& n : names) known += ", " + n;
      value.fail("unknown " + side + " expectation '" + key + "' (known: " + known + ")");
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

void evaluate_coherency(const Expectations& expect, const CoherencyResult& c,
                        std::vector<ExpectationResult>& out) {
  const models::coherency::Finding* first = c.findings.empty() ? nullptr : &c.findings.front();
  for (const auto& [key, spec] : expect.coherency) {
    if (!c.enabled) {
      out.push_back({"coherency." + key, spec.text, "not checked: sanitizer off", true, true});
      continue;
    }
    auto it = c.by_kind.find(key);
    const std::uint64_t v = key == "violations"            ? c.stats.violations
                            : key == "discarded_lines"     ? c.stats.discarded_lines
                            : key == "unobserved_discards" ? c.stats.unobserved_discards
                            : it == c.by_kind.end()        ? 0
                                                           : it->second;
    out.push_back({"coherency." + key, spec.text, std::to_string(v), spec.matches(v)});
  }
  const auto check = [&](const char* key, const std::string& expected, const std::string& actual) {
    if (!c.enabled)
      out.push_back({key, expected, "not checked: sanitizer off", true, true});
    else
      out.push_back({key, expected, actual, actual == expected});
  };
  if (expect.first_kind)
    check("coherency.first_kind", *expect.first_kind,
          first ? kind_name(first->kind) : "no finding");
  if (expect.first_symbol)
    check("coherency.first_symbol", *expect.first_symbol, first ? first->symbol : "no finding");
}

std::string counter_value(const Counters& counters, const std::string& name, bool* found) {
  for (const auto& [n, v] : counters)
    if (n == name) {
      *found = true;
      return std::to_string(v);
    }
  *found = false;
  return "not booted";
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
    for (const char* side : {"master", "remote"}) {
      if (auto lines = c->get(side))
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
  if (auto l = expect.get("linux")) parse_software(*l, "linux", e);
  if (auto z = expect.get("zephyr")) parse_software(*z, "zephyr", e);
  if (auto c = expect.get("coherency")) parse_coherency(*c, e);
  if (auto p = expect.get("panic")) {
    Expectations::Panic panic;
    if (auto n = p->get("cluster"))
      panic.cluster = n->choice<std::string>({{"master", "master"}, {"remote", "remote"}});
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

std::vector<ExpectationResult> evaluate(const Expectations& expect, const RunResult& r) {
  std::vector<ExpectationResult> out;
  if (expect.outcome)
    out.push_back({"outcome", *expect.outcome, r.outcome, *expect.outcome == r.outcome});
  for (const auto& [key, spec] : expect.messages) {
    const std::uint64_t v =
        key == "unexpected" ? r.messages.unexpected : message_count(r.messages, key);
    out.push_back({"messages." + key, spec.text, std::to_string(v), spec.matches(v)});
  }
  for (const auto& [reason, spec] : expect.drops) {
    auto it = r.messages.drops.find(reason);
    std::uint64_t v = it == r.messages.drops.end() ? 0 : it->second;
    out.push_back({"drops." + reason, spec.text, std::to_string(v), spec.matches(v)});
  }
  for (const auto& [side, lines] : expect.console) {
    auto it = r.console.find(side);
    const std::string text = it == r.console.end() ? std::string() : it->second;
    for (const std::string& line : lines) {
      bool found = text.find(line) != std::string::npos;
      out.push_back({"console." + side, line, found ? "present" : "absent", found});
    }
  }
  for (const auto& [key, spec] : expect.latency_us) {
    const std::uint64_t ps = key == "p50"   ? r.messages.latency_p50_ps
                             : key == "p99" ? r.messages.latency_p99_ps
                                            : r.messages.latency_max_ps;
    const std::uint64_t us = ps / kPsPerUs;
    out.push_back({"latency_us." + key, spec.text, std::to_string(us), spec.matches(us)});
  }
  if (!expect.channels.empty()) {
    const ChannelCounts seen = count_channels(r.message_log);
    for (const auto& [channel, directions] : expect.channels) {
      for (const auto& [direction, counts] : directions) {
        auto it = seen.find({channel, direction});
        for (const auto& [key, spec] : counts) {
          const std::string name = "channels." + channel + "." + direction + "." + key;
          if (it == seen.end()) {
            // A typo'd channel must not pass as "0 of everything".
            out.push_back({name, spec.text,
                           "no message on it (channels: " + seen_channels(seen) + ")", false});
            continue;
          }
          const std::uint64_t v = message_count(it->second, key);
          out.push_back({name, spec.text, std::to_string(v), spec.matches(v)});
        }
      }
    }
  }
  for (const auto& [side, counts] : expect.counters) {
    const Counters& c = side == "linux" ? r.linux_counters : r.zephyr_counters;
    for (const auto& [name, spec] : counts) {
      bool found = false;
      std::string actual = counter_value(c, name, &found);
      bool ok = found && spec.matches(std::stoull(actual));
      out.push_back({side + "." + name, spec.text, actual, ok});
    }
  }
  for (const std::string& ch : expect.linux_channels) {
    bool found = std::find(r.channels.begin(), r.channels.end(), ch) != r.channels.end();
    out.push_back({"linux.channels", ch, found ? "created" : "not created", found});
  }
  if (expect.attach_error) {
    bool found =
        !r.attach_error.empty() && r.attach_error.find(*expect.attach_error) != std::string::npos;
    out.push_back({"linux.attach_error", *expect.attach_error,
                   r.attach_error.empty() ? "none" : r.attach_error, found});
  }
  if (expect.zephyr_error) {
    bool found =
        !r.zephyr_error.empty() && r.zephyr_error.find(*expect.zephyr_error) != std::string::npos;
    out.push_back({"zephyr.error", *expect.zephyr_error,
                   r.zephyr_error.empty() ? "none" : r.zephyr_error, found});
  }
  evaluate_coherency(expect, r.coherency, out);
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
