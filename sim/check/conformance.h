// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim conform`'s comparison of two runs of one scenario: the modelled remote (sw/zephyr, one
// OpenAMP release preset) against real firmware built from that release. Pure: it reads what
// the two `ipcsim run` children left (report.json and the access trace, access_trace.h).
//
// Three things are compared:
//   - the outcome and the ledger: sent, delivered, dropped, corrupted, in flight, per channel
//     and direction, and the drop reasons;
//   - the coherency verdict: which kinds of finding on which fields (how many times a stale
//     poll was counted depends on how long it spun, so counts are shown, not compared);
//   - the remote's kicks, sent and lost to a busy mailbox (when the firmware reports them);
//   - per message, the remote's sequence of shared-memory accesses and maintenance operations
//     (operation, address, size, cacheability, order).
// Three normalisations make the sequences comparable without hiding what the peer can observe:
//   - order where it matters: every maintenance operation, and every access to a vring (indices,
//     ring entries, descriptors) or to the vdev status, is compared in order, with its address,
//     size and cacheability. The accesses between two of those to anything else (rpmsg headers
//     and payloads, the resource table's other fields) are compared as the set of fields read
//     and written: C leaves the order of evaluating arguments unspecified, and a compiler may
//     reorder, merge or drop plain accesses there (on the TX path the real code's
//     `rp_hdr->reserved = idx` and its hold increment are one store), none of which the peer can
//     see before the next
//     maintenance or index update. A read of bytes the core wrote since the last ordered access
//     is not a read of shared memory (it is served from the core's own store) and is left out;
//   - polls: a step or a block of up to kPollBlock steps repeated back to back is one block with
//     a count, compared as if it came once (how often a wait re-read a status depends on timing,
//     not on the code);
//   - messages: the trace is cut where the remote reads an avail ring entry, i.e. takes a buffer:
//     `rx N` the N-th buffer taken from vring1 (what Linux sent), `tx N` the N-th taken from
//     vring0 (a buffer the remote fills); everything before the first is `boot` (resource table,
//     vdev status, ring set-up). The maintenance and index reads that lead to taking a buffer end
//     the segment before it, on both sides alike.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/artefacts/access_trace_file.h"

namespace sim::app {

inline constexpr std::size_t kPollBlock = 4;

/// An ordered access (maintenance, vring, vdev status), or the set of other fields touched
/// between two ordered accesses ("write buf[0].hdr.len", sorted).
struct TraceItem {
  std::optional<SharedAccess> ordered;
  std::vector<std::string> fields;
};

/// An item, or a block of them repeated `repeats` times in a row.
struct TraceStep {
  std::vector<TraceItem> block;
  std::size_t repeats = 1;
};

struct MessageSegment {
  std::string label; ///< "boot", "rx 1", "tx 1"
  std::vector<TraceStep> steps;
};

/// Whether an access is compared in order (see above).
bool ordered_access(const SharedAccess& a);
/// The trace as ordered accesses and sets of fields in between.
std::vector<TraceItem> trace_items(const std::vector<SharedAccess>& trace);
/// Polls collapsed (kPollBlock), then cut per message.
std::vector<MessageSegment> message_segments(const std::vector<SharedAccess>& trace);

/// The same operation on the same bytes (address, size, cacheability): what a model must match.
bool same_access(const SharedAccess& a, const SharedAccess& b);
/// The same ordered access, or the same set of fields.
bool same_item(const TraceItem& a, const TraceItem& b);

/// One way the two runs differ.
struct Divergence {
  std::string what;    ///< "outcome", "messages", "coherency", "kicks", "accesses"
  std::string summary; ///< one line
  /// accesses: the segment, the step where they part, and both sides' steps around it.
  std::string segment;
  std::size_t step = 0;
  std::vector<std::string> model_context, firmware_context;
};

/// What one run gave, for the summary.
struct RunSummary {
  std::string outcome;   ///< "completed", "timeout", "panic"
  std::string delivered; ///< "6 of 6"
  std::string findings;  ///< "stale_read rsc.vdev.status (x12)", "none"
};

struct ConformanceResult {
  RunSummary model, firmware;
  std::vector<Divergence> divergences; ///< in the order above; accesses: one per segment
  std::size_t segments = 0;            ///< segments on either side
  std::size_t segments_equal = 0;
  std::size_t model_accesses = 0, firmware_accesses = 0;
  bool conformant() const { return divergences.empty(); }
};

/// Compares two runs from their report.json and access traces.
ConformanceResult compare_runs(const nlohmann::json& model_report,
                               const std::vector<SharedAccess>& model_trace,
                               const nlohmann::json& firmware_report,
                               const std::vector<SharedAccess>& firmware_trace);

/// One step as a context line: "  12  read  vring1.avail.idx (2 B, cached) = 0x0001 x3".
std::string describe_step(const TraceStep& step, std::size_t index);

/// The console text: the verdict, each divergence, the first access divergence with context.
std::string conformance_text(const ConformanceResult& result);
/// One row of docs/conformance.md's table: `| label | outcome | delivered | findings | segments
/// alike | verdict |`, a value given once when both runs agree on it.
std::string conformance_row(const std::string& label, const ConformanceResult& result);
nlohmann::ordered_json conformance_json(const ConformanceResult& result);

} // namespace sim::app
