// SPDX-License-Identifier: Apache-2.0
#include "sim/run/core_usage.h"

#include <algorithm>

namespace sim::app {

// One cluster's reports, straight to its cores (no lookup by name per report).
class CoreActivityRecorder::ClusterView : public models::CoreActivityObserver {
public:
  ClusterView(CoreActivityRecorder& r, std::vector<Core>& cores) : recorder_(r), cores_(cores) {}
  void on_core(const std::string& cluster, unsigned core, models::CoreHolder holder,
               const std::string& name, std::uint64_t when_ps) override {
    if (core >= cores_.size()) return recorder_.on_core(cluster, core, holder, name, when_ps);
    recorder_.change(cores_[core], holder, name, when_ps);
  }
  void on_console_begin(const std::string& cluster, unsigned core, const std::string& thread,
                        std::uint64_t begin_ps) override {
    if (core >= cores_.size()) return recorder_.on_console_begin(cluster, core, thread, begin_ps);
    cores_[core].console_own_at_begin = recorder_.own_time(cores_[core], thread, begin_ps);
  }
  void on_console(const std::string& cluster, unsigned core, const std::string& thread,
                  std::string_view text, std::uint64_t begin_ps, std::uint64_t end_ps) override {
    if (core >= cores_.size())
      return recorder_.on_console(cluster, core, thread, text, begin_ps, end_ps);
    recorder_.print(cores_[core], thread, text, begin_ps, end_ps);
  }

private:
  CoreActivityRecorder& recorder_;
  std::vector<Core>& cores_;
};

CoreActivityRecorder::CoreActivityRecorder(bool keep_slices) : keep_slices_(keep_slices) {}
CoreActivityRecorder::~CoreActivityRecorder() = default;

std::vector<CoreActivityRecorder::Core>& CoreActivityRecorder::cores_of(const std::string& cluster,
                                                                        unsigned at_least) {
  auto it = cores_.find(cluster);
  if (it == cores_.end()) {
    order_.push_back(cluster);
    it = cores_.emplace(cluster, std::vector<Core>{}).first;
  }
  std::vector<Core>& list = it->second;
  while (list.size() < at_least) {
    Core c;
    c.usage.cluster = cluster;
    c.usage.core = static_cast<unsigned>(list.size());
    list.push_back(std::move(c));
  }
  return list;
}

models::CoreActivityObserver& CoreActivityRecorder::cluster(const std::string& name,
                                                            unsigned cores) {
  views_.push_back(std::make_unique<ClusterView>(*this, cores_of(name, cores)));
  return *views_.back();
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
    *c.open.thread_ps += d;
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

void CoreActivityRecorder::change(Core& c, models::CoreHolder holder, const std::string& name,
                                  std::uint64_t when_ps) {
  close(c, when_ps);
  c.open.holder = holder;
  c.open.thread_ps = holder == models::CoreHolder::kThread ? &c.usage.by_thread[name] : nullptr;
  if (keep_slices_) c.open.name = name;
}

std::uint64_t CoreActivityRecorder::own_time(Core& c, const std::string& thread,
                                             std::uint64_t at_ps) {
  std::uint64_t& closed = c.usage.by_thread[thread];
  std::uint64_t t = closed;
  if (c.open.holder == models::CoreHolder::kThread && c.open.thread_ps == &closed &&
      at_ps > c.open.since_ps)
    t += at_ps - c.open.since_ps;
  return t;
}

void CoreActivityRecorder::print(Core& c, const std::string& thread, std::string_view text,
                                 std::uint64_t begin_ps, std::uint64_t end_ps) {
  // Only the printing thread's own time: an interrupt handler or another thread that held the
  // core in the middle of the print is not console time.
  const std::uint64_t own_end = own_time(c, thread, end_ps);
  c.usage.console_ps += own_end > c.console_own_at_begin ? own_end - c.console_own_at_begin : 0;
  if (keep_slices_)
    console_slices_.push_back(
        {c.usage.cluster, c.usage.core, thread, std::string(text), begin_ps, end_ps});
}

void CoreActivityRecorder::on_core(const std::string& cluster, unsigned core,
                                   models::CoreHolder holder, const std::string& name,
                                   std::uint64_t when_ps) {
  change(cores_of(cluster, core + 1)[core], holder, name, when_ps);
}

void CoreActivityRecorder::on_console_begin(const std::string& cluster, unsigned core,
                                            const std::string& thread, std::uint64_t begin_ps) {
  Core& c = cores_of(cluster, core + 1)[core];
  c.console_own_at_begin = own_time(c, thread, begin_ps);
}

void CoreActivityRecorder::on_console(const std::string& cluster, unsigned core,
                                      const std::string& thread, std::string_view text,
                                      std::uint64_t begin_ps, std::uint64_t end_ps) {
  print(cores_of(cluster, core + 1)[core], thread, text, begin_ps, end_ps);
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
