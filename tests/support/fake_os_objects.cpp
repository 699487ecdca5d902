// SPDX-License-Identifier: Apache-2.0
// FakeOs, second half: interrupt lines and the interrupt context, and the kernel objects
// (k_sem semantics: give hands the count to the most urgent waiter and saturates at the limit;
// wait_event_timeout / wake_up; workqueues where queueing a pending item is a no-op and the worker
// clears pending before running it), as models/cpu/os_objects.cpp has them.
#include <algorithm>
#include <deque>
#include <limits>
#include <stdexcept>

#include "tests/support/fake_os.h"
#include "tests/support/fake_os_task.h"

namespace sim::test {
namespace {

using fake::Halted;
using State = fake::Task::State;

// Most urgent waiter first; among equals the one that waited longest.
fake::Task* pop_best(std::vector<fake::Task*>& waiters) {
  auto it = std::min_element(waiters.begin(), waiters.end(),
                             [](auto* a, auto* b) { return a->spec.priority < b->spec.priority; });
  fake::Task* t = *it;
  waiters.erase(it);
  return t;
}

void remove(std::vector<fake::Task*>& waiters, fake::Task* t) {
  waiters.erase(std::remove(waiters.begin(), waiters.end(), t), waiters.end());
}

} // namespace

// ---- interrupts
// ----------------------------------------------------------------------------------

void FakeOs::irq_connect(unsigned line, std::function<void()> isr, unsigned core) {
  if (core >= cores_.size())
    throw std::invalid_argument(name_ + ": interrupt " + std::to_string(line) +
                                " routed to missing core " + std::to_string(core));
  lines_[line].isr = std::move(isr);
  lines_[line].core = core;
}

void FakeOs::irq_enable(unsigned line, bool enabled) {
  lines_[line].enabled = enabled;
}

void FakeOs::set_irq_level(unsigned line, bool level) {
  lines_[line].level = level;
}

unsigned FakeOs::irq_lock() {
  Task* t = self();
  return t != nullptr ? core_of(*t).irq_mask++ : 0;
}

void FakeOs::irq_unlock(unsigned key) {
  Task* t = self();
  if (t == nullptr) return;
  core_of(*t).irq_mask = key;
  if (key == 0) enter();
}

bool FakeOs::in_isr() const {
  const Task* t = self();
  return t != nullptr && t->is_isr;
}

const std::string& FakeOs::current_thread() const {
  static const std::string kNone = "none";
  const Task* t = self();
  return t != nullptr ? t->spec.name : kNone;
}

std::uint64_t FakeOs::interrupts(unsigned line) const {
  auto it = lines_.find(line);
  return it == lines_.end() ? 0 : it->second.runs;
}

void FakeOs::isr_main(Core& c) {
  // thread_main already waited for the first baton: an interrupt is pending.
  Task& self = *c.isr;
  for (;;) {
    run_isr(c);
    finish_isr(c);
    self.state = State::kBlocked;
    self.wake_at = hal::kForever;
    sched_.switch_out(&self); // throws Unwind at shutdown
  }
}

void FakeOs::run_isr(Core& c) {
  unsigned n = 0;
  if (pending_line(c, &n) == nullptr) return; // the level dropped before the handler ran
  Line& l = lines_[n];
  ++l.runs;
  if (!l.isr) {
    l.enabled = false; // no handler: the kernel disables the line
    return;
  }
  try {
    l.isr();
  } catch (const Halted&) {
  } catch (const std::exception& e) {
    record_panic("isr", e.what());
  } catch (const fake::Unwind&) {
    throw; // shutdown
  } catch (...) {
    record_panic("isr", "unknown exception");
  }
}

void FakeOs::finish_isr(Core& c) {
  c.holder = nullptr;
  Task* back = c.interrupted;
  c.interrupted = nullptr;
  if (back == nullptr) return;
  if (!back->preemptible() || best_ready_priority(c) >= back->spec.priority) {
    // The interrupted thread gets its core back at once, at the same virtual time.
    c.holder = back;
    back->state = State::kHolding;
    back->wake_at = now();
    back->order = sched_.next_order();
  } else {
    make_ready(*back, true); // the handler woke a more urgent thread: preemption on return
  }
}

// ---- kernel objects ----------------------------------------------------------------------------

class FakeOs::SemaphoreImpl : public hal::Semaphore {
public:
  SemaphoreImpl(FakeOs& os, unsigned initial, unsigned limit)
      : os_(os), count_(std::min(initial, limit)), limit_(limit) {}

  void give() override {
    os_.enter();
    if (!waiters_.empty())
      os_.wake(*pop_best(waiters_));
    else if (count_ < limit_)
      ++count_;
    else
      ++saturated_;
  }
  bool take(hal::SimTime timeout) override {
    os_.enter();
    if (count_ > 0) {
      --count_;
      return true;
    }
    if (timeout == hal::kNoWait) return false;
    Task& self = os_.current();
    waiters_.push_back(&self);
    self.cancel_wait = [this, &self] { remove(waiters_, &self); };
    return os_.block(self, timeout);
  }
  unsigned count() const override { return count_; }
  unsigned limit() const override { return limit_; }
  unsigned long long saturated_gives() const override { return saturated_; }

private:
  FakeOs& os_;
  unsigned count_;
  unsigned limit_;
  unsigned long long saturated_ = 0;
  std::vector<Task*> waiters_;
};

class FakeOs::WaitQueueImpl : public hal::WaitQueue {
public:
  explicit WaitQueueImpl(FakeOs& os) : os_(os) {}

  bool wait(const std::function<bool()>& condition, hal::SimTime timeout) override {
    os_.enter();
    const hal::SimTime deadline = fake::deadline_after(os_.now(), timeout);
    for (;;) {
      if (condition()) return true;
      Task& self = os_.current();
      if (os_.now() >= deadline || self.kill) return false;
      waiters_.push_back(&self);
      self.cancel_wait = [this, &self] { remove(waiters_, &self); };
      os_.block(self, deadline == hal::kForever ? hal::kForever : deadline - os_.now());
    }
  }
  void wake_all() override {
    os_.enter();
    std::vector<Task*> woken;
    woken.swap(waiters_);
    for (Task* t : woken) os_.wake(*t);
  }

private:
  FakeOs& os_;
  std::vector<Task*> waiters_;
};

class FakeOs::Workqueue {
public:
  Workqueue(FakeOs& os, const hal::ThreadSpec& worker) : os_(os), spec_(worker) {}

  void enqueue(WorkImpl& work) {
    pending_.push_back(&work);
    if (!started_) {
      started_ = true;
      os_.spawn(spec_, [this] { worker_main(); });
    } else if (idle_ && worker_->state == State::kBlocked) {
      // Only the idle wait is ours to end: a worker blocked inside an item keeps waiting for
      // that object and finds the new item when the current one returns.
      os_.wake(*worker_);
    }
  }

private:
  void worker_main();

  FakeOs& os_;
  hal::ThreadSpec spec_;
  std::deque<WorkImpl*> pending_;
  Task* worker_ = nullptr;
  bool started_ = false;
  bool idle_ = false;
};

class FakeOs::WorkImpl : public hal::Work {
public:
  WorkImpl(Workqueue& queue, std::function<void()> fn) : queue_(queue), fn_(std::move(fn)) {}
  bool queue() override {
    if (pending_) return false;
    pending_ = true;
    queue_.enqueue(*this);
    return true;
  }
  bool pending() const override { return pending_; }

private:
  friend class Workqueue;
  Workqueue& queue_;
  std::function<void()> fn_;
  bool pending_ = false;
};

void FakeOs::Workqueue::worker_main() {
  worker_ = &os_.current();
  for (;;) {
    os_.enter();
    if (pending_.empty()) {
      idle_ = true;
      os_.block(*worker_, hal::kForever);
      idle_ = false;
      continue;
    }
    if (os_.workqueue_latency_ > 0) os_.sleep(os_.workqueue_latency_);
    while (!pending_.empty()) {
      WorkImpl* w = pending_.front();
      pending_.pop_front();
      w->pending_ = false;
      w->fn_();
    }
  }
}

hal::Semaphore& FakeOs::semaphore(const std::string&, unsigned initial, unsigned limit) {
  semaphores_.push_back(std::make_unique<SemaphoreImpl>(*this, initial, limit));
  return *semaphores_.back();
}

hal::WaitQueue& FakeOs::wait_queue(const std::string&) {
  wait_queues_.push_back(std::make_unique<WaitQueueImpl>(*this));
  return *wait_queues_.back();
}

hal::Work& FakeOs::work(const std::string& queue, const hal::ThreadSpec& worker, const std::string&,
                        std::function<void()> fn) {
  auto it = workqueues_.find(queue);
  if (it == workqueues_.end())
    it = workqueues_.emplace(queue, std::make_shared<Workqueue>(*this, worker)).first;
  works_.push_back(std::make_unique<WorkImpl>(*it->second, std::move(fn)));
  return *works_.back();
}

} // namespace sim::test
