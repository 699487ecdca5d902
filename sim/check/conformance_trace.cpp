// SPDX-License-Identifier: Apache-2.0
// conform's normalisation of one access trace (conformance.h): ordered accesses and sets of
// fields between them, polls collapsed, cut per message, and the steps described for context.
#include "sim/check/conformance.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace sim::app {
namespace {

bool same_block(const std::vector<TraceItem>& items, std::size_t a, std::size_t b,
                std::size_t len) {
  for (std::size_t i = 0; i < len; ++i)
    if (!same_item(items[a + i], items[b + i])) return false;
  return true;
}
/// Back-to-back repetitions of one item or block collapsed into one step each.
std::vector<TraceStep> collapse_polls(const std::vector<TraceItem>& items) {
  std::vector<TraceStep> steps;
  std::size_t i = 0;
  while (i < items.size()) {
    std::size_t best_len = 1, best_count = 1;
    for (std::size_t len = 1; len <= kPollBlock && i + 2 * len <= items.size(); ++len) {
      std::size_t count = 1;
      while (i + (count + 1) * len <= items.size() && same_block(items, i, i + count * len, len))
        ++count;
      // The block covering most items; on a tie the shorter one.
      if (count >= 2 && count * len > best_count * best_len) {
        best_len = len;
        best_count = count;
      }
    }
    TraceStep step;
    // The last repetition is kept: its values are what ended the wait.
    const std::size_t last = i + (best_count - 1) * best_len;
    step.block.assign(items.begin() + static_cast<std::ptrdiff_t>(last),
                      items.begin() + static_cast<std::ptrdiff_t>(last + best_len));
    step.repeats = best_count;
    steps.push_back(std::move(step));
    i += best_len * best_count;
  }
  return steps;
}

/// `buf[3].payload` for `buf[3].payload+16`.
std::string field_of(const std::string& name) {
  return name.substr(0, name.find('+'));
}

/// "rx" for a read of vring1's avail ring entry (taking a message Linux sent), "tx" for vring0's
/// (taking a buffer to send in), "" otherwise.
const char* takes_buffer(const TraceStep& step) {
  if (!step.block.front().ordered) return "";
  const SharedAccess& a = *step.block.front().ordered;
  if (a.op != SharedAccess::Op::kRead) return "";
  if (a.name.rfind("vring1.avail.ring[", 0) == 0) return "rx";
  if (a.name.rfind("vring0.avail.ring[", 0) == 0) return "tx";
  return "";
}

} // namespace

bool same_item(const TraceItem& a, const TraceItem& b) {
  if (a.ordered.has_value() != b.ordered.has_value()) return false;
  return a.ordered ? same_access(*a.ordered, *b.ordered) : a.fields == b.fields;
}

bool same_access(const SharedAccess& a, const SharedAccess& b) {
  if (a.op != b.op || a.addr != b.addr || a.size != b.size) return false;
  return a.maintenance() ? a.skipped == b.skipped : a.cached == b.cached;
}

bool ordered_access(const SharedAccess& a) {
  return a.maintenance() || a.name.rfind("vring", 0) == 0 ||
         a.name.rfind("rsc.vdev.status", 0) == 0;
}

std::vector<TraceItem> trace_items(const std::vector<SharedAccess>& trace) {
  std::vector<TraceItem> items;
  std::set<std::string> fields;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> written; ///< since the last ordered one
  const auto flush = [&] {
    if (fields.empty()) return;
    TraceItem set;
    set.fields.assign(fields.begin(), fields.end());
    items.push_back(std::move(set));
    fields.clear();
  };
  for (const SharedAccess& a : trace) {
    if (ordered_access(a)) {
      flush();
      written.clear();
      TraceItem item;
      item.ordered = a;
      items.push_back(std::move(item));
      continue;
    }
    const std::uint64_t end = a.addr + a.size;
    if (a.op == SharedAccess::Op::kRead &&
        std::any_of(written.begin(), written.end(),
                    [&](const auto& w) { return a.addr >= w.first && end <= w.second; }))
      continue; // the core's own store, not an observation of shared memory
    if (a.op == SharedAccess::Op::kWrite) written.emplace_back(a.addr, end);
    fields.insert(std::string(op_name(a.op)) + " " + field_of(a.name) +
                  (a.cached ? "" : " (uncached)"));
  }
  flush();
  return items;
}

std::vector<MessageSegment> message_segments(const std::vector<SharedAccess>& trace) {
  std::vector<MessageSegment> out(1);
  out.front().label = "boot";
  std::map<std::string, unsigned> taken;
  for (TraceStep& step : collapse_polls(trace_items(trace))) {
    const std::string kind = takes_buffer(step);
    if (!kind.empty()) out.push_back({kind + " " + std::to_string(++taken[kind]), {}});
    out.back().steps.push_back(std::move(step));
  }
  return out;
}

std::string describe_step(const TraceStep& step, std::size_t index) {
  std::ostringstream out;
  out << index << "  ";
  if (step.block.size() > 1) out << "[";
  for (std::size_t i = 0; i < step.block.size(); ++i) {
    const TraceItem& item = step.block[i];
    if (i > 0) out << "; ";
    if (!item.ordered) {
      out << "{";
      for (std::size_t f = 0; f < item.fields.size(); ++f)
        out << (f > 0 ? ", " : "") << item.fields[f];
      out << "}";
      continue;
    }
    const SharedAccess& a = *item.ordered;
    out << op_name(a.op) << " " << a.name;
    if (a.maintenance()) {
      out << " (" << a.size << " B";
      if (!a.site.empty()) out << ", " << a.site;
      if (a.skipped) out << ", skipped";
      out << ")";
    } else {
      out << " (" << a.size << " B" << (a.cached ? "" : ", uncached") << ")";
      if (!a.value.empty()) out << " = " << a.value;
    }
  }
  if (step.block.size() > 1) out << "]";
  if (step.repeats > 1) out << " x" << step.repeats;
  return out.str();
}
} // namespace sim::app
