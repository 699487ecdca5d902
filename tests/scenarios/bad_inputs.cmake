cmake_minimum_required(VERSION 3.19)
# Hostile and mistaken inputs get a clear refusal with exit 2, never a crash, a hang, a huge
# allocation or a file written where it should not be. Each case: what to run, the exit code and
# a regular expression the message must match. Inputs are written to the build tree.
# -DIPCSIM, -DSOURCE (the repository), -DELF (the fixture firmware), -DOUT.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
set(cs3 ${SOURCE}/scenarios/basic/client_sample_3.yaml)
file(READ ${cs3} cs3_text)
string(REPLACE "board: ../../configs/" "board: ${SOURCE}/configs/" cs3_text "${cs3_text}")

function(expect_refusal name code pattern)
  execute_process(COMMAND ${IPCSIM} ${ARGN} WORKING_DIRECTORY ${OUT} TIMEOUT 20
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL code)
    message(FATAL_ERROR "${name}: expected exit ${code}, got ${rc}:\n${out}\n${err}")
  endif()
  if(NOT "${err}${out}" MATCHES "${pattern}")
    message(FATAL_ERROR "${name}: the message does not match '${pattern}':\n${err}")
  endif()
endfunction()

# A typo in the board's software section is not silently a default.
file(READ ${SOURCE}/configs/tcc807x.yaml board)
string(REPLACE "\n  remote:\n    zephyr:" "\n  remot:\n    zephyr:" board "${board}")
file(WRITE ${OUT}/typo_board.yaml "${board}")
string(REPLACE "board: ${SOURCE}/configs/tcc807x.yaml" "board: ${OUT}/typo_board.yaml" text
       "${cs3_text}")
file(WRITE ${OUT}/typo_board_scenario.yaml "${text}")
expect_refusal(board_software_typo 2
               "typo_board\\.yaml:[0-9]+: software\\.remot: unknown key 'remot' \\(did you mean 'remote'\\?\\)"
               run ${OUT}/typo_board_scenario.yaml --out ${OUT}/o)

expect_refusal(huge_list_index 2 "master\\.apps\\[99999999999999999999\\]\\.x: index .* out of range"
               run ${cs3} --set "master.apps[99999999999999999999].x=1" --out ${OUT}/o)
expect_refusal(huge_cache 2 "clusters\\.master\\.dcache\\.size: 32 GiB is more than a simulated D-cache"
               run ${cs3} --set clusters.master.dcache.size=32GiB --out ${OUT}/o)
expect_refusal(huge_carveout 2 "carveouts\\.vdev0buffer\\.size: .* more than a simulated carve-out"
               run ${cs3} --set carveouts.vdev0buffer.size=1GiB --out ${OUT}/o)

# 9 values, 9 aliases of that, ... eight levels: 387 million values once expanded.
set(bomb "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n")
file(WRITE ${OUT}/bomb.yaml "${bomb}")
expect_refusal(alias_bomb 2 "bomb\\.yaml:[0-9]+: more than [0-9]+ values once YAML aliases"
               run ${OUT}/bomb.yaml)

# yaml-cpp 0.7 hands out the same empty document forever on a lone ',' (found by fuzz.board_yaml):
# refused as a syntax error at once, here and in a --set value.
file(WRITE ${OUT}/comma.yaml ",")
expect_refusal(lone_comma 2 "comma\\.yaml:1: YAML syntax error" layout ${OUT}/comma.yaml)
expect_refusal(lone_comma_set 2 "YAML syntax error" layout ${SOURCE}/configs/tcc807x.yaml
               --set "quantum=,")

string(REPLACE "name: client_sample_3" "name: ../../escape" text "${cs3_text}")
file(WRITE ${OUT}/escape.yaml "${text}")
expect_refusal(name_escapes_out 2 "name: a scenario name is a file name" run ${OUT}/escape.yaml)
if(EXISTS ${OUT}/../../escape OR EXISTS ${OUT}/../escape)
  message(FATAL_ERROR "name_escapes_out: a report was written outside the output folder")
endif()

expect_refusal(negative_seed 2 "--seed: expected an unsigned number" run ${cs3} --seed -1)
file(WRITE ${OUT}/two_docs.yaml "${cs3_text}---\nname: second\n")
expect_refusal(second_document 2 "two_docs\\.yaml:[0-9]+: a second YAML document" run
               ${OUT}/two_docs.yaml --out ${OUT}/o)
expect_refusal(directory_as_scenario 2 ": is a directory, not a YAML file" run ${OUT})

file(READ ${SOURCE}/scenarios/faults/remote_restarts.yaml text)
string(REPLACE "board: ../../configs/" "board: ${SOURCE}/configs/" text "${text}")
string(APPEND text "  panic: { cluster: remote, kind: oops }\n")
file(WRITE ${OUT}/panic_kind.yaml "${text}")
expect_refusal(unknown_panic_kind 2 "expect\\.panic\\.kind: 'oops' is not one of: mmu_fault" run
               ${OUT}/panic_kind.yaml --out ${OUT}/o)

# Firmware: cut short (from the fixture, when the cross compiler built it), and an ELF for another
# machine (ipcsim itself).
if(EXISTS ${ELF})
  execute_process(COMMAND head -c 3000 ${ELF} OUTPUT_FILE ${OUT}/truncated.elf)
  expect_refusal(truncated_elf 2 "truncated\\.elf: truncated" validate
                 ${SOURCE}/configs/tcc807x.yaml --elf ${OUT}/truncated.elf)
else()
  message(STATUS "truncated_elf: skipped, no fixture firmware at ${ELF}")
endif()
expect_refusal(foreign_elf 2 ": an ELF for machine [0-9]+ .*not a 64-bit Arm" validate
               ${SOURCE}/configs/tcc807x.yaml --elf ${IPCSIM})

configure_file(${SOURCE}/configs/tcc807x.yaml ${OUT}/base.yaml COPYONLY)
expect_refusal(import_over_its_input 2 "-o .*base\\.yaml is also an input" import --dts
               ${SOURCE}/tests/fixtures/tcc807x/linux.dts --base ${OUT}/base.yaml -o
               ${OUT}/base.yaml)

# Output files get their folders (the README's `--trace out/cs3.json` on a fresh clone).
execute_process(COMMAND ${IPCSIM} run ${cs3} --out ${OUT}/o --trace ${OUT}/new/sub/cs3.json
                        --vcd ${OUT}/new/vcd/cs3.vcd
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT}/new/sub/cs3.json OR NOT EXISTS ${OUT}/new/vcd/cs3.vcd)
  message(FATAL_ERROR "trace_folders: exit ${rc}, trace or VCD missing:\n${err}")
endif()
