# Writes the shell completion scripts the orgraph just built prints:
#   cmake -DBINARY=… -DDIR=… -P write-completion.cmake
file(MAKE_DIRECTORY "${DIR}")
set(shells bash zsh)
set(files orgraph _orgraph)
foreach(shell file IN ZIP_LISTS shells files)
  execute_process(COMMAND "${BINARY}" completion ${shell} OUTPUT_FILE "${DIR}/${file}.tmp" RESULT_VARIABLE code)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "orgraph completion ${shell} failed (${code})")
  endif()
  file(RENAME "${DIR}/${file}.tmp" "${DIR}/${file}")
endforeach()
