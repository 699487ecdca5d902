// SPDX-License-Identifier: Apache-2.0
#include "sim/vcd_trace.h"

#include <cctype>

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
  for (const char* side : {"master", "remote"}) {
    sc_core::sc_trace(file_, platform.mailbox_irq(side, models::IrqKind::kRx),
                      std::string(side) + "_mbox_irq_rx");
    sc_core::sc_trace(file_, platform.mailbox_irq(side, models::IrqKind::kTx),
                      std::string(side) + "_mbox_irq_tx");
  }
  for (const std::string& c : counters) {
    unsigned& v = values_[c];
    sc_core::sc_trace(file_, v, signal_name(c), 16);
  }
}

VcdTrace::~VcdTrace() {
  if (file_ != nullptr) sc_core::sc_close_vcd_trace_file(file_);
}

void VcdTrace::on_counter(const TraceCounter& c) {
  auto it = values_.find(c.name);
  if (it != values_.end()) it->second = static_cast<unsigned>(c.value);
}

} // namespace sim::app
