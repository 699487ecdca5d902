// SPDX-License-Identifier: Apache-2.0
#pragma once
// Kernel objects of the OS execution model: semaphores (k_sem semantics: give hands the count to
// the most urgent waiter, saturates at the limit), wait queues (wait_event_timeout / wake_up) and
// workqueues (queue_work on a pending item is a no-op; the worker clears pending before running
// the item, so an item queued again while it runs runs once more).

#include <deque>
#include <string>
#include <vector>

#include "models/cpu/os_kernel.h"

namespace sim::models {

class OsKernel::SemaphoreImpl : public hal::Semaphore {
public:
  SemaphoreImpl(OsKernel& kernel, std::string name, unsigned initial, unsigned limit);
  void give() override;
  bool take(hal::SimTime timeout) override;
  unsigned count() const override { return count_; }
  unsigned limit() const override { return limit_; }
  unsigned long long saturated_gives() const override { return saturated_; }

private:
  OsKernel& kernel_;
  std::string name_;
  unsigned count_;
  unsigned limit_;
  unsigned long long saturated_ = 0;
  std::vector<OsThread*> waiters_;
};

class OsKernel::WaitQueueImpl : public hal::WaitQueue {
public:
  WaitQueueImpl(OsKernel& kernel, std::string name) : kernel_(kernel), name_(std::move(name)) {}
  bool wait(const std::function<bool()>& condition, hal::SimTime timeout) override;
  void wake_all() override;

private:
  OsKernel& kernel_;
  std::string name_;
  std::vector<OsThread*> waiters_;
};

class OsKernel::Workqueue {
public:
  Workqueue(OsKernel& kernel, std::string name, const hal::ThreadSpec& worker);
  void enqueue(WorkImpl& work);
  OsKernel& kernel() { return kernel_; }

private:
  void worker_main();

  OsKernel& kernel_;
  std::string name_;
  hal::ThreadSpec worker_spec_;
  std::deque<WorkImpl*> pending_;
  OsThread* worker_ = nullptr;
  bool started_ = false;
  /// True only while the worker waits for work, the one block enqueue() may end.
  bool worker_idle_ = false;
};

class OsKernel::WorkImpl : public hal::Work {
public:
  WorkImpl(Workqueue& queue, std::string name, std::function<void()> fn)
      : queue_(queue), name_(std::move(name)), fn_(std::move(fn)) {}
  bool queue() override;
  bool pending() const override { return pending_; }

private:
  friend class Workqueue;
  Workqueue& queue_;
  std::string name_;
  std::function<void()> fn_;
  bool pending_ = false;
};

} // namespace sim::models
