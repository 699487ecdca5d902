// SPDX-License-Identifier: Apache-2.0
#pragma once
// The OS execution model of one cluster: what the Linux and Zephyr kernels provide to the RPMsg
// stacks. Threads are SystemC coroutines pinned to a core; a core runs one of them at a time,
// chosen by priority (lower number first, FIFO among equals). Preemptible threads lose the core to
// a more urgent ready thread at their next HAL call; cooperative ones only when they block or
// yield. Interrupts run in a per-core interrupt context that takes the core at the holder's next
// HAL call (or at once when the core is idle), unless masked. Costs (context switch, ISR entry
// and exit, workqueue latency) come from OsCosts and advance the core's quantum keeper.
//
// Time: the holder of a core runs ahead of SystemC time by its quantum keeper's local offset; the
// offset is synchronised before the core changes hands and before waking another thread, so
// every hand-over happens at the right simulated time.
//
// A panic halts the cluster: the calling coroutine unwinds with ClusterHalted; every other thread
// of the cluster stays parked where it is (nothing is dispatched any more). The other cluster
// keeps running.
//
// Kernel objects synchronise the caller's local time before they test or change any state, so a
// decision (count is zero: block) and its consequence (the thread is blocked) never have a
// SystemC wait between them in which another core could act.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <systemc>

#include "models/common/tlm_util.h"
#include "models/cpu/core_activity.h"
#include "models/cpu/os_costs.h"
#include "models/cpu/os_thread.h"
#include "models/cpu/panic_info.h"
#include "models/irq/irq_controller.h"
#include "sw/hal/os.h"

namespace sim::models {

/// Thrown through software frames of a halted cluster; caught by the thread wrapper.
struct ClusterHalted {};

class OsKernel : public hal::Os {
public:
  OsKernel(std::string name, unsigned cores, Picoseconds clock_period_ps, const OsCosts& costs,
           IrqController& irq);
  ~OsKernel() override;
  OsKernel(const OsKernel&) = delete;
  OsKernel& operator=(const OsKernel&) = delete;

  // --- hal::Os ---------------------------------------------------------------------------------
  void spawn(const hal::ThreadSpec& spec, std::function<void()> body) override;
  hal::Semaphore& semaphore(const std::string& name, unsigned initial, unsigned limit) override;
  hal::WaitQueue& wait_queue(const std::string& name) override;
  hal::Work& work(const std::string& queue, const hal::ThreadSpec& worker, const std::string& name,
                  std::function<void()> fn) override;
  void yield() override;
  void irq_connect(unsigned line, std::function<void()> isr, unsigned core) override;
  void irq_enable(unsigned line, bool enabled) override;
  unsigned irq_lock() override;
  void irq_unlock(unsigned key) override;
  bool in_isr() const override;
  const std::string& current_thread() const override;

  // --- services for the HAL implementation and the OS objects ------------------------------------
  const std::string& name() const { return name_; }
  CoreContext& current_core();
  OsThread& current();
  /// True when the running SystemC process is one of this cluster's threads or interrupt
  /// contexts (not a test driver, a boot process or another cluster's thread).
  bool has_current() const;
  /// Every HAL call starts here: unwinds a halted cluster, serves preemption and interrupts.
  void enter() {
    if (halted_) throw ClusterHalted{};
    if (current_core().needs_attention()) serve_attention();
  }
  /// Advances the caller's core by `ps` of busy time (synchronising when the quantum is used).
  void advance(Picoseconds ps);
  /// Current simulated time of the caller (SystemC time + the core's local offset).
  sc_core::sc_time local_now();
  /// Flushes the caller's local time offset into SystemC time.
  void sync();
  /// Releases the core and waits to be woken (true) or for `timeout` ps (false).
  bool block(OsThread& self, hal::SimTime timeout);
  /// Makes a blocked thread ready (from a thread or an ISR of this cluster).
  void wake(OsThread& thread);
  /// Holds the core until `deadline`, `watch` fires (or `*latched` is already set: something
  /// happened while the caller was still running ahead), or an interrupt/preemption was served.
  /// Returns false when the deadline was reached.
  /// `also`: a second event that ends the spin (an ISS core's interrupt line).
  bool spin(const sc_core::sc_event* watch, const bool* latched, const sc_core::sc_time& deadline,
            const sc_core::sc_event* also = nullptr);
  void sleep(hal::SimTime duration);

  /// A reset of the cluster (a remote that restarts): every software thread stops for good (its
  /// SystemC process is killed, its stack unwound), interrupts are disabled and their handlers
  /// forgotten, and the old software's kernel objects are retired (kept alive, never used
  /// again). The cluster stays halted until reset_end(). Called from outside the cluster's
  /// software (a SystemC process of the test or the runner).
  void reset_begin();
  /// The end of the software: every thread still parked in a wait (a server loop, a boot that
  /// never got what it polls for, a send waiting for a buffer) is killed and unwinds, so that
  /// what its stack owns is destroyed rather than abandoned with the coroutine. Called after the
  /// run's results are taken, from a SystemC process (see unwind_software in cluster.h).
  void unwind_threads();
  /// Leaves reset: cores idle, nothing masked, not halted; new threads may be spawned.
  void reset_end();

  /// Records the panic and unwinds the caller (when called from the cluster's software).
  [[noreturn]] void panic(PanicInfo info);
  bool halted() const { return halted_; }
  const std::optional<PanicInfo>& panic_info() const { return panic_; }
  void on_panic(std::function<void(const PanicInfo&)> cb) { on_panic_ = std::move(cb); }

  const OsCosts& costs() const { return costs_; }
  unsigned cores() const { return static_cast<unsigned>(cores_.size()); }
  const CoreContext& core(unsigned i) const { return *cores_.at(i); }
  /// Ends per-core accounting at the end of simulation (idle time up to now).
  void finish_accounting();
  /// Reports every change of a core's holder to `observer` (nullptr: nobody). Set before the
  /// simulation starts.
  void set_activity_observer(CoreActivityObserver* observer) { activity_ = observer; }
  CoreActivityObserver* activity_observer() const { return activity_; }

private:
  class SemaphoreImpl;
  class WaitQueueImpl;
  class WorkImpl;
  class Workqueue;
  friend class SemaphoreImpl;
  friend class WaitQueueImpl;
  friend class WorkImpl;
  friend class Workqueue;

  CoreContext& core_of(const OsThread& t) { return *cores_[t.spec.core]; }
  void make_ready(OsThread& t, bool first);
  int best_ready_priority(const CoreContext& c) const;
  void dispatch(CoreContext& c);
  void release_core(CoreContext& c);
  /// The core has nothing to run from now.
  void go_idle(CoreContext& c);
  /// The interrupt context leaves the core (returned, halted, or caught by a reset): its time
  /// since isr_entered is interrupt time.
  void end_isr_time(CoreContext& c) {
    c.stats.isr_time_ps += sc_to_ps(sc_core::sc_time_stamp() - c.isr_entered);
  }
  /// `woken`: t comes back from a wait (wakeup preemption may apply).
  void request_core(CoreContext& c, OsThread& t, bool woken = false);
  /// Makes a thread whose wait ended ready and asks for its core.
  void ready_after_wait(OsThread& t);
  void wait_for_core(OsThread& t);
  void serve_attention();
  void interrupt_context(CoreContext& c);
  void thread_main(OsThread& t);

  std::string name_;
  OsCosts costs_;
  IrqController& irq_;
  std::vector<std::unique_ptr<CoreContext>> cores_;
  std::vector<std::unique_ptr<OsThread>> threads_;
  std::map<unsigned, std::function<void()>> handlers_;
  std::vector<std::unique_ptr<hal::Semaphore>> semaphores_;
  std::vector<std::unique_ptr<hal::WaitQueue>> wait_queues_;
  std::map<std::string, std::unique_ptr<Workqueue>> workqueues_;
  std::vector<std::unique_ptr<hal::Work>> works_;
  /// What earlier software generations created (reset_begin): dead, but still referenced.
  std::vector<std::unique_ptr<OsThread>> retired_threads_;
  std::vector<std::unique_ptr<hal::Semaphore>> retired_semaphores_;
  std::vector<std::unique_ptr<hal::WaitQueue>> retired_wait_queues_;
  std::vector<std::unique_ptr<Workqueue>> retired_workqueues_;
  std::vector<std::unique_ptr<hal::Work>> retired_works_;
  std::vector<std::function<void()>> retired_handlers_;
  OsThread* current_ = nullptr;
  std::int64_t order_ = 0;
  bool halted_ = false;
  std::uint64_t resets_ = 0;
  std::optional<PanicInfo> panic_;
  CoreActivityObserver* activity_ = nullptr;
  std::function<void(const PanicInfo&)> on_panic_;
};

} // namespace sim::models
