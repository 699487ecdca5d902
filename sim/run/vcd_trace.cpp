// SPDX-License-Identifier: Apache-2.0
#include "sim/run/vcd_trace.h"

#include <algorithm>
#include <cctype>

#include "models/common/tlm_util.h"
#include "models/platform/platform.h"

namespace sim::app {

std::string VcdTrace::signal_name(const std::string& name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name.compare(i, 2, "->") == 0) {
      out += "to";
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(name[i]))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

VcdTrace::VcdTrace(models::Platform& platform, const std::string& path,
                   const std::vector<std::string>& counters) {
  // sc_create_vcd_trace_file adds ".vcd" itself.
  std::string base = path;
  if (base.size() > 4 && base.compare(base.size() - 4, 4, ".vcd") == 0)
    base.resize(base.size() - 4);
  file_ = sc_core::sc_create_vcd_trace_file(base.c_str());
  file_->set_time_unit(1, sc_core::SC_PS); // the simulation's resolution: no rounding
  for (Side side : kSides) {
    sc_core::sc_trace(file_, platform.mailbox_irq(side, models::IrqKind::kRx),
                      std::string(side_name(side)) + "_mbox_irq_rx");
    sc_core::sc_trace(file_, platform.mailbox_irq(side, models::IrqKind::kTx),
                      std::string(side_name(side)) + "_mbox_irq_tx");
  }
  for (const std::string& c : counters) {
    unsigned& v = values_[c];
    sc_core::sc_trace(file_, v, signal_name(c), 16);
  }
  sc_core::sc_spawn_options opts;
  opts.spawn_method();
  opts.set_sensitivity(&due_);
  opts.dont_initialize();
  sc_core::sc_spawn([this] { apply_due(); }, "vcd_samples", &opts);
}

void VcdTrace::apply_due() {
  const std::uint64_t now = sc_to_ps(sc_core::sc_time_stamp());
  while (!pending_.empty() && pending_.begin()->first <= now) {
    values_[pending_.begin()->second.first] = pending_.begin()->second.second;
    pending_.erase(pending_.begin());
  }
  if (!pending_.empty()) due_.notify(ps_to_sc(pending_.begin()->first - now));
}

VcdTrace::~VcdTrace() {
  if (file_ != nullptr) sc_core::sc_close_vcd_trace_file(file_);
}

void VcdTrace::on_counter(const TraceCounter& c) {
  if (values_.find(c.name) == values_.end()) return;
  const std::uint64_t now = sc_to_ps(sc_core::sc_time_stamp());
  const bool first = pending_.empty() || c.time_ps < pending_.begin()->first;
  pending_.emplace(std::max(c.time_ps, now),
                   std::make_pair(c.name, static_cast<unsigned>(c.value)));
  // An earlier deadline than the one waited for: wake up for it (sc_event keeps the earliest).
  if (first) due_.notify(ps_to_sc(std::max(c.time_ps, now) - now));
}

} // namespace sim::app
