// SPDX-License-Identifier: Apache-2.0
// A scenario file's top-level keys, declared once (keys.h): load_scenario reads them through
// these declarations; schemas/scenario.schema.json and the docs' Top-level keys table come from
// here too.
#include "sim/scenario/faults.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/software_keys.h"

namespace sim::app {

using config::Key;

const config::KeySet& scenario_keys() {
  static const config::KeySet keys(
      "scenario",
      "An ipcsim scenario (scenarios/**/*.yaml; docs/scenarios.md): which board, which software on "
      "each side, how long, what to break and what must be true at the end.",
      {Key::text("name", "unique within the suite; a file name (the output folder out/<name>)")
           .needed()
           .matching(kScenarioNamePattern)
           .eg("name: client_sample_3"),
       Key::text("description", "why the expectations are what they are").eg("description: > ..."),
       Key::text("board", "the board file, relative to this file")
           .needed()
           .eg("board: ../../configs/tcc807x.yaml"),
       Key::uint("seed", "seeds every random choice; --seed replaces it")
           .defaults_to("1")
           .eg("seed: 4"),
       Key::time("stop_at", "the simulated-time limit").needed().at_least(1).eg("stop_at: 2s"),
       Key::time("settle", "how long to keep running after the awaited applications are done")
           .defaults_to("20ms")
           .eg("settle: 50ms"),
       Key::boolean("sanitizer", "the coherency sanitizer watches the run (--no-sanitizer: off)")
           .defaults_to("true")
           .eg("sanitizer: false"),
       Key::any("set", "dotted overrides of the merged document (The merged document, below)")
           .eg("set: { clusters.remote.dcache.eviction: never }"),
       Key::map("master", section_keys(Side::kMaster),
                "the master's software (Software keys), merged over the board's software.master")
           .eg("master: { apps: [ { rpmsg_client_sample: { count: 3 } } ] }"),
       Key::map("remote", section_keys(Side::kRemote),
                "the remote's software (Software keys), merged over the board's software.remote")
           .eg("remote: { openamp: { dcache: false } }"),
       Key::variant_list("faults", fault_variants(), "what to break (Faults, below)")
           .eg("faults: [ { mailbox: { direction: master_to_remote, action: drop, nth: 2 } } ]"),
       Key::map("expect", expectation_keys(), "what must hold at the end (Expectations, below)")
           .eg("expect: { outcome: completed }")});
  return keys;
}

} // namespace sim::app
