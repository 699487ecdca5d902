// SPDX-License-Identifier: Apache-2.0
#pragma once
// What each simulated core did with its time (timing analysis): time per holder (each thread,
// interrupt handling, idle) and the part of thread time spent printing, from the OS model's
// activity reports. Keeps every slice when asked (for the trace timeline). Pure C++.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/cpu/core_activity.h"

namespace sim::app {

struct CoreUsage {
  std::string cluster;
  unsigned core = 0;
  std::uint64_t thread_ps = 0;                    ///< running threads (console time included)
  std::uint64_t isr_ps = 0;                       ///< in the interrupt context
  std::uint64_t idle_ps = 0;                      ///< nothing to run
  std::uint64_t console_ps = 0;                   ///< threads printing, stalled on the UART
  std::map<std::string, std::uint64_t> by_thread; ///< thread name -> time on this core
  std::uint64_t total_ps() const { return thread_ps + isr_ps + idle_ps; }
};

class CoreActivityRecorder : public models::CoreActivityObserver {
public:
  struct Slice {
    std::string cluster;
    unsigned core = 0;
    models::CoreHolder holder = models::CoreHolder::kIdle;
    std::string name;
    std::uint64_t begin_ps = 0;
    std::uint64_t end_ps = 0;
  };
  struct ConsoleSlice {
    std::string cluster;
    unsigned core = 0;
    std::string thread;
    std::string text;
    std::uint64_t begin_ps = 0;
    std::uint64_t end_ps = 0;
  };

  /// `keep_slices`: remember every slice (a trace was asked for), not only the totals.
  explicit CoreActivityRecorder(bool keep_slices = false);
  ~CoreActivityRecorder() override;
  CoreActivityRecorder(const CoreActivityRecorder&) = delete;
  CoreActivityRecorder& operator=(const CoreActivityRecorder&) = delete;

  void on_core(const std::string& cluster, unsigned core, models::CoreHolder holder,
               const std::string& name, std::uint64_t when_ps) override;
  void on_console_begin(const std::string& cluster, unsigned core, const std::string& thread,
                        std::uint64_t begin_ps) override;
  void on_console(const std::string& cluster, unsigned core, const std::string& thread,
                  std::string_view text, std::uint64_t begin_ps, std::uint64_t end_ps) override;
  /// An observer for one cluster's OS model, its `cores` declared (idle from time 0 until told
  /// otherwise): it skips looking the cluster up on every report (the recorder itself serves any
  /// cluster by name).
  models::CoreActivityObserver& cluster(const std::string& name, unsigned cores);
  /// Closes every open slice at `end_ps` (the end of the run).
  void finish(std::uint64_t end_ps);

  /// Per core, clusters in the order added.
  std::vector<CoreUsage> usage() const;
  const std::vector<Slice>& slices() const { return slices_; }
  const std::vector<ConsoleSlice>& console_slices() const { return console_slices_; }

private:
  struct Open {
    models::CoreHolder holder = models::CoreHolder::kIdle;
    std::string name;                   ///< kept only with slices
    std::uint64_t* thread_ps = nullptr; ///< the running thread's total in CoreUsage::by_thread
    std::uint64_t since_ps = 0;
  };
  struct Core {
    Open open;
    CoreUsage usage;
    /// The printing thread's own time on this core when its current print began.
    std::uint64_t console_own_at_begin = 0;
  };
  class ClusterView;
  std::vector<Core>& cores_of(const std::string& cluster, unsigned at_least);
  void change(Core& c, models::CoreHolder holder, const std::string& name, std::uint64_t when_ps);
  void print(Core& c, const std::string& thread, std::string_view text, std::uint64_t begin_ps,
             std::uint64_t end_ps);
  /// `thread`'s time on core `c` up to `at_ps` (closed slices plus the open one).
  std::uint64_t own_time(Core& c, const std::string& thread, std::uint64_t at_ps);
  void close(Core& c, std::uint64_t end_ps);

  bool keep_slices_;
  std::vector<std::string> order_;
  std::map<std::string, std::vector<Core>> cores_;
  std::vector<std::unique_ptr<ClusterView>> views_;
  std::vector<Slice> slices_;
  std::vector<ConsoleSlice> console_slices_;
};

} // namespace sim::app
