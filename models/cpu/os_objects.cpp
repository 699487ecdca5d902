// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/os_objects.h"

#include <algorithm>

#include "models/common/tlm_util.h"

namespace sim::models {
namespace {

// Most urgent waiter first; among equals the one that waited longest (Zephyr wait queue order).
OsThread* pop_best(std::vector<OsThread*>& waiters) {
  auto it = std::min_element(waiters.begin(), waiters.end(), [](OsThread* a, OsThread* b) {
    return a->spec.priority < b->spec.priority;
  });
  OsThread* t = *it;
  waiters.erase(it);
  return t;
}

void remove(std::vector<OsThread*>& waiters, OsThread* t) {
  waiters.erase(std::remove(waiters.begin(), waiters.end(), t), waiters.end());
}

} // namespace

// ---- semaphore ---------------------------------------------------------------------------------

OsKernel::SemaphoreImpl::SemaphoreImpl(OsKernel& kernel, std::string name, unsigned initial,
                                       unsigned limit)
    : kernel_(kernel), name_(std::move(name)), count_(std::min(initial, limit)), limit_(limit) {}

void OsKernel::SemaphoreImpl::give() {
  kernel_.enter();
  kernel_.sync();
  if (!waiters_.empty()) {
    kernel_.wake(*pop_best(waiters_));
  } else if (count_ < limit_) {
    ++count_;
  } else {
    ++saturated_;
  }
}

bool OsKernel::SemaphoreImpl::take(hal::SimTime timeout) {
  kernel_.enter();
  kernel_.sync();
  if (count_ > 0) {
    --count_;
    return true;
  }
  if (timeout == hal::kNoWait) return false;
  OsThread& self = kernel_.current();
  waiters_.push_back(&self);
  self.cancel_wait = [this, &self] { remove(waiters_, &self); };
  return kernel_.block(self, timeout);
}

// ---- wait queue --------------------------------------------------------------------------------

bool OsKernel::WaitQueueImpl::wait(const std::function<bool()>& condition, hal::SimTime timeout) {
  kernel_.enter();
  const bool forever = timeout == hal::kForever;
  const sc_core::sc_time deadline =
      forever ? sc_core::SC_ZERO_TIME : kernel_.local_now() + ps_to_sc(timeout);
  for (;;) {
    // Sync first so every wake_all() up to this thread's time has happened; a wake landing while
    // the condition's own cost is synchronised (in block()) cancels the block instead.
    kernel_.sync();
    if (condition()) return true;
    hal::SimTime remaining = hal::kForever;
    if (!forever) {
      sc_core::sc_time now = kernel_.local_now();
      if (now >= deadline) return false;
      remaining = sc_to_ps(deadline - now);
    }
    OsThread& self = kernel_.current();
    waiters_.push_back(&self);
    self.cancel_wait = [this, &self] { remove(waiters_, &self); };
    kernel_.block(self, remaining);
  }
}

void OsKernel::WaitQueueImpl::wake_all() {
  kernel_.enter();
  kernel_.sync();
  std::vector<OsThread*> woken;
  woken.swap(waiters_);
  for (OsThread* t : woken) kernel_.wake(*t);
}

// ---- workqueue ---------------------------------------------------------------------------------

OsKernel::Workqueue::Workqueue(OsKernel& kernel, std::string name, const hal::ThreadSpec& worker)
    : kernel_(kernel), name_(std::move(name)), worker_spec_(worker) {}

void OsKernel::Workqueue::enqueue(WorkImpl& work) {
  pending_.push_back(&work);
  if (!started_) {
    started_ = true;
    kernel_.spawn(worker_spec_, [this] { worker_main(); });
  } else if (worker_idle_ && worker_->state == OsThread::State::kBlocked) {
    // Only the idle wait is ours to end: a worker blocked inside a work item (a semaphore, a
    // sleep) keeps waiting for that object and finds the new item when the current one returns.
    kernel_.wake(*worker_);
  }
}

void OsKernel::Workqueue::worker_main() {
  worker_ = &kernel_.current();
  for (;;) {
    kernel_.sync();
    if (pending_.empty()) {
      worker_idle_ = true;
      kernel_.block(*worker_, hal::kForever);
      worker_idle_ = false;
      continue;
    }
    // Scheduling latency from queue_work to the worker running on an idle queue.
    kernel_.sleep(kernel_.costs().workqueue_latency);
    while (!pending_.empty()) {
      WorkImpl* w = pending_.front();
      pending_.pop_front();
      w->pending_ = false;
      w->fn_();
    }
  }
}

bool OsKernel::WorkImpl::queue() {
  if (queue_.kernel().has_current()) queue_.kernel().sync();
  if (pending_) return false;
  pending_ = true;
  queue_.enqueue(*this);
  return true;
}

} // namespace sim::models
