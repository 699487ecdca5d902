// SPDX-License-Identifier: Apache-2.0
// Checks a run against its scenario's `expect:` block, one result per key.
#include "sim/run/expectation_check.h"

#include <algorithm>
#include <set>

#include "models/common/units.h"
#include "sw/hal/drop_reasons.h"

namespace sim::app {
namespace {

std::uint64_t message_count(const MessageCounts& m, const std::string& key) {
  if (key == "sent") return m.sent;
  if (key == "delivered") return m.delivered;
  if (key == "dropped") return m.dropped;
  if (key == "corrupted") return m.corrupted;
  if (key == "echoes") return m.echoes;
  return m.in_flight;
}

std::string seen_channels(const ChannelCounts& channels) {
  std::set<std::string> names;
  for (const auto& [key, counts] : channels) names.insert(key.first);
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
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
      out.push_back(
          {std::string("console.") + side_name(side), line, found ? "present" : "absent", found});
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
          const std::string name =
              "channels." + channel + "." + direction_key(direction) + "." + key;
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
  for (const auto& [stack, counts] : expect.counters) {
    const Counters& c = stack == Stack::kLinux ? r.linux_counters : r.zephyr_counters;
    for (const auto& [name, spec] : counts) {
      bool found = false;
      std::string actual = counter_value(c, name, &found);
      bool ok = found && spec.matches(std::stoull(actual));
      out.push_back({std::string(stack_name(stack)) + "." + name, spec.text, actual, ok});
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
