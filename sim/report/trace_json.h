// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim run --trace FILE.json`: the run as Chrome/Perfetto trace-event JSON (the "JSON Object
// Format": {"traceEvents": [...]}; ts and dur in microseconds). One process per cluster with a
// track per core (threads and interrupt handlers as slices) and one per core's console output;
// a "mailbox" process with a track per direction (kicks and interrupt pin changes as instants,
// command FIFO levels as counters); a "vrings" process with the ring indices as counters; every
// message as a flow from a `send` slice on the sender's core to a `receive` slice on the
// receiver's, or to a `drop` slice where it was lost (with an instant naming the reason); every
// coherency violation as an instant on the reading core (kind and field), every fault firing as
// an instant on its cluster.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/run/trace_data.h"

namespace sim::app {

nlohmann::ordered_json trace_json(const TraceData& data);

} // namespace sim::app
