# Installs the project into a fresh prefix and reads what a user of the command gets besides it:
# `man orgraph-coverage` with MANPATH at the prefix, every command's manual page, and the bash
# and zsh completion scripts the installed orgraph would print.
#   cmake -DBUILD=… -DWORK=… -DBINARY=… -DPANDOC=… -DCOMMANDS=a;b;… -P run_install_manual.cmake
file(REMOVE_RECURSE "${WORK}")
set(prefix "${WORK}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${what} failed (${code}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

function(expect_text what text)
  foreach(needle IN LISTS ARGN)
    string(FIND "${text}" "${needle}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${what} lacks '${needle}':\n${text}")
    endif()
  endforeach()
endfunction()

run("install" "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${prefix}")

# The completion scripts are installed where bash-completion and zsh look, and are what the
# command prints.
foreach(pair IN ITEMS "bash:share/bash-completion/completions/orgraph" "zsh:share/zsh/site-functions/_orgraph")
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 shell)
  list(GET pair 1 file)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "${file} is not installed")
  endif()
  file(READ "${prefix}/${file}" installed)
  run("orgraph completion ${shell}" "${BINARY}" completion ${shell})
  if(NOT installed STREQUAL output)
    message(FATAL_ERROR "${file} is not what 'orgraph completion ${shell}' prints")
  endif()
endforeach()

if(NOT PANDOC)
  message(STATUS "pandoc was not found at configure time: no manual pages to check")
  return()
endif()
foreach(command IN LISTS COMMANDS)
  if(NOT EXISTS "${prefix}/share/man/man1/orgraph-${command}.1")
    message(FATAL_ERROR "share/man/man1/orgraph-${command}.1 is not installed")
  endif()
endforeach()
if(NOT EXISTS "${prefix}/share/man/man1/orgraph.1")
  message(FATAL_ERROR "share/man/man1/orgraph.1 is not installed")
endif()

find_program(MAN man)
if(NOT MAN)
  message(FATAL_ERROR "man is not installed (Debian man-db; run scripts/setup)")
endif()
set(ENV{MANPATH} "${prefix}/share/man")
set(ENV{MANWIDTH} 80)
set(ENV{LC_ALL} C.UTF-8)
run("man orgraph-coverage" "${MAN}" -P cat orgraph-coverage)
expect_text("man orgraph-coverage" "${output}" "ORGRAPH-COVERAGE(1)" "NAME" "SYNOPSIS" "EXIT STATUS"
            "orgraph coverage" "--universe" "orgraph 0")
# The page's title line is the header, not a section; links keep their text, not their file.
string(FIND "${output}" ".md)" link)
if(NOT link EQUAL -1)
  message(FATAL_ERROR "man orgraph-coverage shows a link to a Markdown file:\n${output}")
endif()
run("man orgraph" "${MAN}" -P cat orgraph)
expect_text("man orgraph" "${output}" "ORGRAPH(1)" "GLOBAL OPTIONS" "orgraph-coverage(1)" "--quiet")
