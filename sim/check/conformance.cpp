// SPDX-License-Identifier: Apache-2.0
#include "sim/check/conformance.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace sim::app {
namespace {

using json = nlohmann::json;

constexpr std::size_t kContextBefore = 3;
constexpr std::size_t kContextAfter = 4;

/// A segment's items with each repeated block once, and the step each came from: how often a
/// wait re-read is timing, so a block seen once and the same block repeated compare alike.
struct FlatItem {
  const TraceItem* item;
  std::size_t step;
};
std::vector<FlatItem> flatten(const std::vector<TraceStep>& steps) {
  std::vector<FlatItem> out;
  for (std::size_t i = 0; i < steps.size(); ++i)
    for (const TraceItem& item : steps[i].block) out.push_back({&item, i});
  return out;
}

/// A difference that is not in the accesses (outcome, messages, coherency, kicks).
Divergence overall(const char* what, std::string summary) {
  Divergence d;
  d.what = what;
  d.summary = std::move(summary);
  return d;
}

std::string messages_line(const json& report) {
  const json& m = report.value("messages", json::object());
  std::ostringstream out;
  out << "sent " << m.value("sent", 0) << ", delivered " << m.value("delivered", 0) << ", dropped "
      << m.value("dropped", 0) << ", corrupted " << m.value("corrupted", 0) << ", in flight "
      << m.value("in_flight", 0);
  const json& drops = m.value("drops", json::object());
  for (const auto& [reason, n] : drops.items()) out << ", " << reason << " " << n.dump();
  return out.str();
}

/// "stale_read rsc.vdev.status" for each finding (fields without a name by address).
std::map<std::string, std::uint64_t> findings_by_field(const json& report) {
  std::map<std::string, std::uint64_t> out;
  const json& c = report.value("coherency", json::object());
  for (const json& f : c.value("findings", json::array())) {
    const std::string symbol = f.value("symbol", std::string());
    const std::string key = f.value("kind", std::string("?")) + " " +
                            (symbol.empty() ? f.value("address", std::string("?")) : symbol);
    out[key] += f.value("count", std::uint64_t{1});
  }
  return out;
}

std::string findings_line(const std::map<std::string, std::uint64_t>& findings) {
  if (findings.empty()) return "none";
  std::string out;
  for (const auto& [key, count] : findings)
    out += (out.empty() ? "" : ", ") + key + " (x" + std::to_string(count) + ")";
  return out;
}

std::set<std::string> keys_of(const std::map<std::string, std::uint64_t>& m) {
  std::set<std::string> out;
  for (const auto& entry : m) out.insert(entry.first);
  return out;
}

RunSummary summarize(const json& report) {
  const json& m = report.value("messages", json::object());
  // The kinds and fields found; how often a poll re-read a stale value is timing.
  std::string findings;
  for (const auto& entry : findings_by_field(report))
    findings += (findings.empty() ? "" : ", ") + entry.first;
  // A panic names the address the core faulted on (how each side names the fault differs: a
  // modelled mmu_fault, the firmware's data abort).
  std::string outcome = report.value("outcome", std::string("?"));
  for (const json& p : report.value("panics", json::array()))
    if (p.contains("address")) outcome += " at " + p["address"].get<std::string>();
  return {outcome,
          std::to_string(m.value("delivered", 0)) + " of " + std::to_string(m.value("sent", 0)),
          findings.empty() ? "none" : findings};
}

/// "x" when both say x, else "model: x; firmware: y".
std::string both(const std::string& model, const std::string& firmware) {
  return model == firmware ? model : "model: " + model + "; firmware: " + firmware;
}

std::vector<std::string> context(const std::vector<TraceStep>& steps, std::size_t at) {
  std::vector<std::string> out;
  const std::size_t from = at > kContextBefore ? at - kContextBefore : 0;
  for (std::size_t i = from; i < steps.size() && i < at + kContextAfter; ++i)
    out.push_back((i == at ? "> " : "  ") + describe_step(steps[i], i));
  if (at >= steps.size()) out.push_back("> (the segment ends here)");
  return out;
}

void compare_segments(const std::vector<MessageSegment>& model,
                      const std::vector<MessageSegment>& firmware, ConformanceResult& result) {
  std::vector<std::string> labels;
  std::map<std::string, const MessageSegment*> by_model, by_firmware;
  for (const MessageSegment& s : model) {
    labels.push_back(s.label);
    by_model[s.label] = &s;
  }
  for (const MessageSegment& s : firmware) {
    if (by_model.count(s.label) == 0) labels.push_back(s.label);
    by_firmware[s.label] = &s;
  }
  result.segments = labels.size();
  for (const std::string& label : labels) {
    const MessageSegment* m = by_model.count(label) ? by_model[label] : nullptr;
    const MessageSegment* f = by_firmware.count(label) ? by_firmware[label] : nullptr;
    Divergence d;
    d.what = "accesses";
    d.segment = label;
    if (m == nullptr || f == nullptr) {
      d.summary = label + ": only the " + (m ? "model" : "firmware") + " has this segment (" +
                  std::to_string((m ? m : f)->steps.size()) + " steps)";
      result.divergences.push_back(std::move(d));
      continue;
    }
    const std::vector<FlatItem> mf = flatten(m->steps), ff = flatten(f->steps);
    std::size_t i = 0;
    while (i < mf.size() && i < ff.size() && same_item(*mf[i].item, *ff[i].item)) ++i;
    if (i == mf.size() && i == ff.size()) {
      ++result.segments_equal;
      continue;
    }
    const std::size_t model_step = i < mf.size() ? mf[i].step : m->steps.size();
    const std::size_t firmware_step = i < ff.size() ? ff[i].step : f->steps.size();
    d.step = model_step;
    d.summary = label + ": model step " + std::to_string(model_step) + " of " +
                std::to_string(m->steps.size()) + " and firmware step " +
                std::to_string(firmware_step) + " of " + std::to_string(f->steps.size()) +
                " differ";
    d.model_context = context(m->steps, model_step);
    d.firmware_context = context(f->steps, firmware_step);
    result.divergences.push_back(std::move(d));
  }
}

} // namespace

ConformanceResult compare_runs(const json& model_report,
                               const std::vector<SharedAccess>& model_trace,
                               const json& firmware_report,
                               const std::vector<SharedAccess>& firmware_trace) {
  ConformanceResult result;
  result.model = summarize(model_report);
  result.firmware = summarize(firmware_report);
  result.model_accesses = model_trace.size();
  result.firmware_accesses = firmware_trace.size();
  if (result.model.outcome != result.firmware.outcome)
    result.divergences.push_back(
        {"outcome",
         "outcome: model " + result.model.outcome + ", firmware " + result.firmware.outcome,
         "",
         0,
         {},
         {}});
  const std::string model_messages = messages_line(model_report);
  const std::string firmware_messages = messages_line(firmware_report);
  const json no_channels = json::object();
  const json& model_channels =
      model_report.value("messages", json::object()).value("channels", no_channels);
  const json& firmware_channels =
      firmware_report.value("messages", json::object()).value("channels", no_channels);
  if (model_messages != firmware_messages || model_channels != firmware_channels)
    result.divergences.push_back(overall(
        "messages", "messages: model " + model_messages + "; firmware " + firmware_messages +
                        // Per channel only when the totals do not show it.
                        (model_messages == firmware_messages
                             ? " (per channel: model " + model_channels.dump() + ", firmware " +
                                   firmware_channels.dump() + ")"
                             : "")));
  const auto model_findings = findings_by_field(model_report);
  const auto firmware_findings = findings_by_field(firmware_report);
  if (keys_of(model_findings) != keys_of(firmware_findings))
    result.divergences.push_back(
        overall("coherency", "coherency findings: model " + findings_line(model_findings) +
                                 "; firmware " + findings_line(firmware_findings)));
  // The remote's notifications: the modelled sample's counters, the firmware platform's reports
  // on the probe port (a firmware that reports none is not compared).
  const json& firmware_sw = firmware_report.value("software", json::object());
  if (firmware_sw.contains("firmware") &&
      firmware_sw["firmware"].value("kicks", 0) + firmware_sw["firmware"].value("kicks_lost", 0) >
          0) {
    const json& counters = model_report.value("software", json::object())
                               .value("zephyr", json::object())
                               .value("counters", json::object());
    const std::string model_kicks = std::to_string(counters.value("kicks_sent", 0)) + " sent, " +
                                    std::to_string(counters.value("kicks_lost", 0)) + " lost";
    const std::string firmware_kicks =
        std::to_string(firmware_sw["firmware"].value("kicks", 0)) + " sent, " +
        std::to_string(firmware_sw["firmware"].value("kicks_lost", 0)) + " lost";
    if (model_kicks != firmware_kicks)
      result.divergences.push_back(
          overall("kicks", "remote kicks: model " + model_kicks + "; firmware " + firmware_kicks));
  }
  compare_segments(message_segments(model_trace), message_segments(firmware_trace), result);
  return result;
}

std::string conformance_text(const ConformanceResult& r) {
  std::ostringstream out;
  out << "verdict   " << (r.conformant() ? "conformant" : "diverges") << ": " << r.segments_equal
      << " of " << r.segments << " message segments alike (" << r.model_accesses
      << " model accesses, " << r.firmware_accesses << " firmware)\n";
  const Divergence* first_access = nullptr;
  for (const Divergence& d : r.divergences) {
    out << "differs   " << d.summary << "\n";
    if (d.what == "accesses" && first_access == nullptr && !d.model_context.empty())
      first_access = &d;
  }
  if (first_access != nullptr) {
    out << "\nfirst divergence, in " << first_access->segment << ":\n  model:\n";
    for (const std::string& line : first_access->model_context) out << "    " << line << "\n";
    out << "  firmware:\n";
    for (const std::string& line : first_access->firmware_context) out << "    " << line << "\n";
  }
  return out.str();
}

std::string conformance_row(const std::string& label, const ConformanceResult& r) {
  // A `|` in a cell would end it.
  const auto cell = [](const std::string& text) {
    std::string out;
    for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  std::ostringstream out;
  out << "| " << cell(label) << " | " << cell(both(r.model.outcome, r.firmware.outcome)) << " | "
      << cell(both(r.model.delivered, r.firmware.delivered)) << " | "
      << cell(both(r.model.findings, r.firmware.findings)) << " | " << r.segments_equal << " of "
      << r.segments << " | " << (r.conformant() ? "conformant" : "**diverges**") << " |";
  return out.str();
}

nlohmann::ordered_json conformance_json(const ConformanceResult& r) {
  nlohmann::ordered_json j;
  j["conformant"] = r.conformant();
  j["segments"] = r.segments;
  j["segments_equal"] = r.segments_equal;
  j["model_accesses"] = r.model_accesses;
  j["firmware_accesses"] = r.firmware_accesses;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Divergence& d : r.divergences) {
    nlohmann::ordered_json dj;
    dj["what"] = d.what;
    dj["summary"] = d.summary;
    if (!d.segment.empty()) {
      dj["segment"] = d.segment;
      dj["step"] = d.step;
      dj["model"] = d.model_context;
      dj["firmware"] = d.firmware_context;
    }
    list.push_back(dj);
  }
  j["divergences"] = list;
  return j;
}

} // namespace sim::app
