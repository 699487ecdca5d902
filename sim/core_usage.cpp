// SPDX-License-Identifier: Apache-2.0
#include "sim/core_usage.h"

#include <algorithm>

namespace sim::app {

void CoreActivityRecorder::add_cores(const std::string& cluster, unsigned cores) {
  if (cores_.find(cluster) == cores_.end()) order_.push_back(cluster);
  std::vector<Core>& list = cores_[cluster];
  while (list.size() < cores) {
    Core c;
    c.usage.cluster = cluster;
    c.usage.core = static_cast<unsigned>(list.size());
    list.push_back(std::move(c));
  }
}

CoreActivityRecorder::Core& CoreActivityRecorder::core(const std::string& cluster, unsigned index) {
  add_cores(cluster, index + 1);
  return cores_[cluster][index];
}

void CoreActivityRecorder::close(Core& c, std::uint64_t end_ps) {
  // Decoupled cores may report a hand-over a little before the slice they close began.
  const std::uint64_t end = std::max(end_ps, c.open.since_ps);
  const std::uint64_t d = end - c.open.since_ps;
  switch (c.open.holder) {
  case models::CoreHolder::kIdle:
    c.usage.idle_ps += d;
    break;
  case models::CoreHolder::kThread:
    c.usage.thread_ps += d;
    c.usage.by_thread[c.open.name] += d;
    break;
  case models::CoreHolder::kIsr:
    c.usage.isr_ps += d;
    break;
  }
  if (keep_slices_ && d > 0)
    slices_.push_back(
        {c.usage.cluster, c.usage.core, c.open.holder, c.open.name, c.open.since_ps, end});
  c.open.since_ps = end;
}

void CoreActivityRecorder::on_core(const std::string& cluster, unsigned core_index,
                                   models::CoreHolder holder, const std::string& name,
                                   std::uint64_t when_ps) {
  Core& c = core(cluster, core_index);
  close(c, when_ps);
  c.open.holder = holder;
  c.open.name = name;
}

void CoreActivityRecorder::on_console(const std::string& cluster, unsigned core_index,
                                      const std::string& thread, std::string_view text,
                                      std::uint64_t begin_ps, std::uint64_t end_ps) {
  core(cluster, core_index).usage.console_ps += end_ps - begin_ps;
  if (keep_slices_)
    console_slices_.push_back({cluster, core_index, thread, std::string(text), begin_ps, end_ps});
}

void CoreActivityRecorder::finish(std::uint64_t end_ps) {
  for (auto& [cluster, list] : cores_)
    for (Core& c : list) close(c, end_ps);
}

std::vector<CoreUsage> CoreActivityRecorder::usage() const {
  std::vector<CoreUsage> out;
  for (const std::string& cluster : order_)
    for (const Core& c : cores_.at(cluster)) out.push_back(c.usage);
  return out;
}

} // namespace sim::app
