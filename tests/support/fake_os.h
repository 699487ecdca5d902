// SPDX-License-Identifier: Apache-2.0
#pragma once
// FakeOs: a deterministic hal::Os for software tests, without SystemC. Every simulated thread
// (and every core's interrupt context) is a std::thread, but exactly one of them runs at a time:
// they pass a baton under one mutex, so software needs no locking and a run is reproducible.
//
// Time is virtual and shared by every FakeOs of a test through one FakeScheduler. Software runs
// in zero time; only hold() (the HAL's spend/busy_wait), sleep(), poll() and timeouts advance it.
// When the running context stops, the scheduler picks the next one among every FakeOs: the
// earliest virtual time first, then the most urgent priority (lower number, Zephyr style; the
// interrupt context beats every thread), then FIFO order. A core runs one holder at a time:
// preemptible threads give the core to a more urgent ready thread at their next HAL call,
// cooperative ones only when they block or yield. An interrupt whose level is high, enabled and
// unmasked runs on its core's interrupt context at the holder's next HAL call (or at once when
// the core is idle or holding in hold()/poll()); one handler per entry, lowest line first.
//
// Not modelled: OS costs (context switch, ISR entry, workqueue latency unless set), SMP
// migration, per-thread irq_lock state (the mask is per core), nested interrupts.
// Shutdown (FakeScheduler::shutdown, destructors) unwinds every thread with a private exception
// and joins it, one at a time: no thread is left running or detached.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sw/hal/hal.h"

namespace sim::test {

class FakeOs;
namespace fake {
struct Task; // one simulated thread or interrupt context (fake_os_task.h)
}

/// The virtual clock and the baton shared by the FakeOs instances of one test. Drive it from the
/// test thread only, and let it outlive its FakeOs instances (declare it first).
class FakeScheduler {
public:
  FakeScheduler() = default;
  ~FakeScheduler();
  FakeScheduler(const FakeScheduler&) = delete;
  FakeScheduler& operator=(const FakeScheduler&) = delete;

  hal::SimTime now() const { return now_; }
  /// Runs the simulated threads until virtual time `t`; now() is `t` afterwards.
  void run_until(hal::SimTime t);
  void run_for(hal::SimTime d) { run_until(now_ + d); }
  /// Runs until nothing can ever run again (every thread done or blocked without timeout) or
  /// until `limit`; returns true when idle. now() stays at the last event.
  bool run_until_idle(hal::SimTime limit = hal::kForever);
  /// Memory [addr, addr+len) was written: ends the wait of polls watching an overlapping range.
  void touched(hal::Addr addr, std::size_t len);
  /// Unwinds and joins every thread of every FakeOs. Idempotent.
  void shutdown();

private:
  friend class FakeOs;
  using Task = fake::Task;

  void run(hal::SimTime limit);
  Task* pick_next();
  void expire_timeouts();
  hal::SimTime next_event() const;
  /// The running `self` stopped (its state says why): runs whoever is next. Returns false when
  /// `self` is being shut down while unwinding (it must stop waiting).
  bool switch_out(Task* self);
  bool transfer(Task* self, Task* next);
  void hand(Task* next);
  void wait_for_baton(Task* self);
  std::int64_t next_order() { return ++order_; }

  std::vector<FakeOs*> oses_;
  hal::SimTime now_ = 0;
  hal::SimTime limit_ = 0;
  bool idle_ = false;
  std::int64_t order_ = 0;
  std::mutex mutex_;
  std::condition_variable driver_cv_;
  Task* active_ = nullptr; ///< holder of the baton; nullptr: the test thread
};

class FakeOs : public hal::Os {
public:
  FakeOs(FakeScheduler& scheduler, std::string name, unsigned cores = 1);
  ~FakeOs() override;
  FakeOs(const FakeOs&) = delete;
  FakeOs& operator=(const FakeOs&) = delete;

  // --- hal::Os ---------------------------------------------------------------------------------
  void spawn(const hal::ThreadSpec& spec, std::function<void()> body) override;
  hal::Semaphore& semaphore(const std::string& name, unsigned initial, unsigned limit) override;
  hal::WaitQueue& wait_queue(const std::string& name) override;
  hal::Work& work(const std::string& queue, const hal::ThreadSpec& worker, const std::string& name,
                  std::function<void()> fn) override;
  void yield() override;
  void irq_connect(unsigned line, std::function<void()> isr, unsigned core = 0) override;
  void irq_enable(unsigned line, bool enabled) override;
  unsigned irq_lock() override;
  void irq_unlock(unsigned key) override;
  bool in_isr() const override;
  const std::string& current_thread() const override;

  // --- for a HAL implementation ----------------------------------------------------------------
  /// Starts every HAL call: unwinds a halted cluster's thread, serves interrupts and preemption.
  void enter();
  hal::SimTime now() const { return sched_.now(); }
  /// Busy for `duration` holding the core (spend, busy_wait); interrupts are still taken.
  void hold(hal::SimTime duration);
  void sleep(hal::SimTime duration);
  /// hal::Hal::poll: re-evaluates `condition` after a write by another context to
  /// [addr, addr+len), an interrupt, or the timeout.
  bool poll(hal::Addr addr, std::size_t len, const std::function<bool()>& condition,
            hal::SimTime timeout);
  /// The cluster panics: records `reason`, unwinds the calling thread; the cluster's other threads
  /// are never scheduled again. From the test thread it throws std::runtime_error instead.
  [[noreturn]] void halt(std::string_view reason);
  /// Device side: the level of interrupt `line`.
  void set_irq_level(unsigned line, bool level);

  // --- test side -------------------------------------------------------------------------------
  const std::string& name() const { return name_; }
  FakeScheduler& scheduler() { return sched_; }
  bool halted() const { return halted_; }
  /// "<thread>: <reason>" of the panic (a HAL panic or an exception escaping a thread).
  const std::string& panic_reason() const { return panic_; }
  /// Interrupt handler runs, per line.
  std::uint64_t interrupts(unsigned line) const;
  /// Delay between queueing work on an idle workqueue and the worker running it (default 0).
  void set_workqueue_latency(hal::SimTime t) { workqueue_latency_ = t; }
  /// Unwinds and joins this OS's threads (the destructor does it too).
  void shutdown();

private:
  friend class FakeScheduler;
  class SemaphoreImpl;
  class WaitQueueImpl;
  class Workqueue;
  class WorkImpl;
  using Task = fake::Task;

  struct Line {
    bool level = false;
    bool enabled = false;
    unsigned core = 0;
    std::function<void()> isr;
    std::uint64_t runs = 0;
  };
  struct Core {
    unsigned index = 0;
    Task* holder = nullptr;      ///< running, holding, or its interrupt context
    Task* interrupted = nullptr; ///< thread the interrupt context took the core from
    std::vector<Task*> ready;
    unsigned irq_mask = 0;
    Task* isr = nullptr;
  };

  Task* self() const; ///< the calling context when it belongs to this OS
  Task& current();    ///< same, or throws std::logic_error
  Core& core_of(const Task& t);
  Task& new_task(const hal::ThreadSpec& spec, std::function<void()> body, bool is_isr);
  void thread_main(Task& t);
  void isr_main(Core& c);
  void run_isr(Core& c);
  void finish_isr(Core& c);
  void record_panic(const std::string& thread, std::string_view reason);
  void serve_attention(Task& self);
  const Line* pending_line(const Core& c, unsigned* line = nullptr) const;
  int best_ready_priority(const Core& c) const;
  bool wants_attention(const Core& c, const Task& holder) const;
  Task* candidate(Core& c);
  void activate(Task& t);
  void make_ready(Task& t, bool first);
  bool block(Task& self, hal::SimTime timeout);
  void wake(Task& t);

  FakeScheduler& sched_;
  std::string name_;
  hal::SimTime workqueue_latency_ = 0;
  bool halted_ = false;
  std::string panic_;
  // Kernel objects first: software held by thread bodies and handlers (destroyed earlier, as
  // members are destroyed in reverse order) may refer to them.
  std::vector<std::unique_ptr<hal::Semaphore>> semaphores_;
  std::vector<std::unique_ptr<hal::WaitQueue>> wait_queues_;
  std::map<std::string, std::shared_ptr<Workqueue>> workqueues_; ///< shared_ptr: incomplete here
  std::vector<std::unique_ptr<hal::Work>> works_;
  std::vector<std::unique_ptr<Core>> cores_;
  std::map<unsigned, Line> lines_;
  std::vector<std::unique_ptr<Task>> tasks_;
};

} // namespace sim::test
