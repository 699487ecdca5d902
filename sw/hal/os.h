// SPDX-License-Identifier: Apache-2.0
#pragma once
// Operating-system primitives the simulated kernels provide to the RPMsg stacks: threads with
// priorities (cooperative or preemptive), semaphores with a limit, wait queues with timeout,
// workqueues, interrupt handlers and masking. Objects live as long as the simulation; software
// holds references. Priorities follow Zephyr: a lower number is more urgent.

#include <functional>
#include <string>

#include "sw/hal/sim_time.h"

namespace sim::hal {

struct ThreadSpec {
  std::string name;
  int priority = 0;         ///< lower = more urgent
  bool cooperative = false; ///< never preempted by another thread (ISRs still run)
  unsigned core = 0;        ///< core of the cluster the thread runs on
};

/// A counting semaphore (k_sem): give saturates at `limit`; a binary semaphore has limit 1.
class Semaphore {
public:
  virtual ~Semaphore() = default;
  virtual void give() = 0;
  /// Returns false on timeout. Must not block in an ISR (timeout must be kNoWait there).
  virtual bool take(SimTime timeout) = 0;
  virtual unsigned count() const = 0;
  virtual unsigned limit() const = 0;
  /// Gives lost because the count was already at its limit.
  virtual unsigned long long saturated_gives() const = 0;
};

/// A wait queue (wait_event_timeout / wake_up).
class WaitQueue {
public:
  virtual ~WaitQueue() = default;
  /// Blocks until `condition` holds (checked on every wake) or `timeout` passes; returns the
  /// condition's final value.
  virtual bool wait(const std::function<bool()>& condition, SimTime timeout) = 0;
  virtual void wake_all() = 0;
};

/// A work item for a workqueue: queueing an already pending item does nothing (Linux semantics).
class Work {
public:
  virtual ~Work() = default;
  /// Returns false when the work was already pending.
  virtual bool queue() = 0;
  virtual bool pending() const = 0;
};

class Os {
public:
  virtual ~Os() = default;
  virtual void spawn(const ThreadSpec& spec, std::function<void()> body) = 0;
  virtual Semaphore& semaphore(const std::string& name, unsigned initial, unsigned limit) = 0;
  virtual WaitQueue& wait_queue(const std::string& name) = 0;
  /// A work item run by the workqueue `queue` (created on first use with `worker`).
  virtual Work& work(const std::string& queue, const ThreadSpec& worker, const std::string& name,
                     std::function<void()> fn) = 0;
  /// Gives the core to another ready thread of the same or higher priority.
  virtual void yield() = 0;

  /// Installs `isr` for interrupt `line`, routed to `core` (not enabled yet).
  virtual void irq_connect(unsigned line, std::function<void()> isr, unsigned core = 0) = 0;
  virtual void irq_enable(unsigned line, bool enabled) = 0;
  /// Masks interrupts on the calling core; returns a key for irq_unlock (nestable).
  virtual unsigned irq_lock() = 0;
  virtual void irq_unlock(unsigned key) = 0;
  /// True while running an interrupt handler.
  virtual bool in_isr() const = 0;
  /// Name of the running thread (or "isr").
  virtual const std::string& current_thread() const = 0;
};

} // namespace sim::hal
