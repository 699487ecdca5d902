// SPDX-License-Identifier: Apache-2.0
#include "sim/report/coherency_report.h"

#include <sstream>

#include "models/common/units.h"

namespace sim::app {

using json = nlohmann::ordered_json;
using models::coherency::Finding;
using models::coherency::Party;

namespace {

json party_json(const Party& p) {
  return {{"cluster", p.cluster},
          {"thread", p.thread},
          {"time_ns", p.time_ps / kPsPerNs},
          {"value", p.value}};
}

std::string party_text(const Party& p) {
  return p.cluster + "/" + p.thread + " at " + format_time(p.time_ps) + " (" + p.value + ")";
}

// What the findings cost in messages: every message copy that did not arrive intact, and the
// receptions that matched nothing sent (a stale buffer read again). The sanitizer cannot prove
// which finding caused which loss; the ledger says what was lost in a run that had findings.
std::vector<const Ledger::Record*> not_delivered(const RunResult& r) {
  std::vector<const Ledger::Record*> out;
  for (const Ledger::Record& rec : r.message_log)
    if (rec.state != "delivered") out.push_back(&rec);
  return out;
}

std::string record_text(const Ledger::Record& rec) {
  std::string s = rec.channel + " #" + std::to_string(rec.id) + " (" +
                  (rec.state == "in_flight" ? "in flight" : rec.state);
  if (!rec.reason.empty()) s += ": " + rec.reason;
  if (rec.read_as != 0) s += ", read as #" + std::to_string(rec.read_as);
  return s + ")";
}

} // namespace

json coherency_json(const RunResult& r) {
  const CoherencyResult& c = r.coherency;
  json j;
  j["enabled"] = c.enabled;
  j["violations"] = c.stats.violations;
  json by_kind = json::object();
  for (const auto& [kind, n] : c.by_kind) by_kind[kind] = n;
  j["by_kind"] = by_kind;
  json findings = json::array();
  for (const Finding& f : c.findings)
    findings.push_back({{"kind", kind_name(f.kind)},
                        {"address", format_hex(f.address)},
                        {"size", f.size},
                        {"symbol", f.symbol},
                        {"site", f.site},
                        {"time_ns", f.reader.time_ps / kPsPerNs},
                        {"last_time_ns", f.last_time_ps / kPsPerNs},
                        {"count", f.count},
                        {"reader", party_json(f.reader)},
                        {"writer", party_json(f.writer)},
                        {"line_state", f.line_state},
                        {"hint", f.hint}});
  j["findings"] = findings;
  const models::coherency::SanitizerStats& s = c.stats;
  j["stats"] = {{"reads_checked", s.reads_checked},
                {"writes", s.writes},
                {"fills", s.fills},
                {"writebacks", s.writebacks},
                {"invalidations", s.invalidations},
                {"discarded_lines", s.discarded_lines},
                {"unobserved_discards", s.unobserved_discards},
                {"unchanged_value", s.unchanged_value}};
  if (c.stats.violations > 0) {
    json lost = json::array();
    for (const Ledger::Record* rec : not_delivered(r))
      lost.push_back({{"channel", rec->channel}, {"id", rec->id}, {"state", rec->state}});
    j["cost"] = {{"first_finding_ns", c.findings.front().reader.time_ps / kPsPerNs},
                 {"messages_sent", r.messages.sent},
                 {"not_delivered", lost},
                 {"unexpected", r.messages.unexpected}};
  }
  return j;
}

std::string coherency_summary(const RunResult& r, std::size_t full) {
  const CoherencyResult& c = r.coherency;
  std::ostringstream os;
  if (!c.enabled) return "coherency sanitizer off\n";
  os << "coherency " << c.stats.violations << " violation(s)";
  if (c.stats.violations > 0) {
    os << " in " << c.findings.size() << " finding(s):";
    bool first = true;
    for (const auto& [kind, n] : c.by_kind)
      if (n > 0) {
        os << (first ? " " : ", ") << kind << " " << n;
        first = false;
      }
  }
  if (c.stats.unobserved_discards > 0)
    os << "; " << c.stats.unobserved_discards << " discarded dirty line(s) never read back";
  os << "\n";
  for (std::size_t i = 0; i < c.findings.size() && i < full; ++i) {
    const Finding& f = c.findings[i];
    os << "  " << kind_name(f.kind) << " " << f.symbol << " (" << format_hex(f.address) << ", "
       << f.size << " B)";
    if (f.count > 1) os << " x" << f.count;
    os << "\n";
    os << "    "
       << (f.kind == models::coherency::Kind::kLostUpdate ? "written back by " : "read by ")
       << party_text(f.reader) << "\n";
    os << "    " << (f.kind == models::coherency::Kind::kLostUpdate ? "overwrote " : "newer from ")
       << party_text(f.writer) << "\n";
    os << "    line: " << f.line_state << "\n";
    os << "    hint: " << f.hint << "\n";
  }
  if (c.findings.size() > full)
    os << "  ... " << c.findings.size() - full << " more finding(s) in report.json\n";
  if (c.stats.violations == 0) return os.str();
  const std::vector<const Ledger::Record*> lost = not_delivered(r);
  os << "  cost: ";
  if (r.messages.sent == 0) {
    os << "no application message was sent: the run never got that far (first finding at "
       << format_time(c.findings.front().reader.time_ps) << ")\n";
    return os.str();
  }
  os << lost.size() << " of " << r.messages.sent << " message(s) not delivered";
  if (r.messages.unexpected > 0) os << ", " << r.messages.unexpected << " unexpected reception(s)";
  for (std::size_t i = 0; i < lost.size() && i < 5; ++i)
    os << (i == 0 ? ": " : ", ") << record_text(*lost[i]);
  if (lost.size() > 5) os << ", ...";
  os << "\n";
  return os.str();
}

} // namespace sim::app
