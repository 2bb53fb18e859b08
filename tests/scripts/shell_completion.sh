# The zsh completion as a person meets it: `orgraph completion zsh` installed in a directory of
# $fpath (as `cmake --install` puts it) or sourced after compinit, loaded by a real zsh without a
# word on standard error, and driven in a real interactive zsh on a pseudo-terminal (zsh's zpty
# module): TAB after `orgraph sh` gives `orgraph show`, also after options before the command;
# a command's own options, the commands after `help`, and file names after --data. Then the same
# questions to the bash completion, through its function as bash calls it.
# $1: the orgraph binary. Working directory: tests/.
set -uo pipefail
orgraph="$1"
command -v zsh >/dev/null || {
  echo "SKIP: zsh is not installed (scripts/setup installs it)" >&2
  exit 77
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
mkdir "$work/functions"
"$orgraph" completion zsh >"$work/functions/_orgraph" || fail "orgraph completion zsh failed"
touch "$work/data-file.graphml"

# Loaded from $fpath by compinit: the function is bound to orgraph, loads, and says nothing.
zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D
  print -r -- "bound: ${_comps[orgraph]}"; autoload +X _orgraph && print -r -- "loaded: $(whence -w _orgraph)"' \
  _ "$work/functions" >"$work/out" 2>"$work/err"
grep -qx "bound: _orgraph" "$work/out" || fail "compinit did not bind _orgraph to orgraph: $(cat "$work/out" "$work/err")"
grep -qx "loaded: _orgraph: function" "$work/out" || fail "_orgraph did not load: $(cat "$work/out" "$work/err")"
[ ! -s "$work/err" ] || fail "loading the zsh completion printed: $(cat "$work/err")"
# Sourced after compinit, it binds itself with compdef instead of running.
zsh -f -c 'autoload -U compinit; compinit -u -D; source "$1"; print -r -- "bound: ${_comps[orgraph]}"' \
  _ "$work/functions/_orgraph" >"$work/out" 2>"$work/err"
grep -qx "bound: _orgraph" "$work/out" || fail "the sourced completion did not bind orgraph: $(cat "$work/out" "$work/err")"
[ ! -s "$work/err" ] || fail "sourcing the zsh completion printed: $(cat "$work/err")"

# An interactive zsh on a pseudo-terminal: each line is typed, then TAB, then the line is turned
# into `print -r -- DONE: LINE` (Ctrl-A, the words, Enter), so that the shell prints what
# completion made of it. Prints those lines.
cat >"$work/type.zsh" <<'ZSH'
zmodload zsh/zpty || exit 77
setup=$1
shift
zpty z zsh -f -i || exit 77
zpty -w z "PS1='PROMPT> '; bindkey -e; $setup; print RE''ADY"
zpty -r z out '*READY*PROMPT> *' || exit 3
for typed in "$@"; do
  zpty -n -w z "$typed"$'\t\x01print -r -- DO""NE: \n'
  zpty -r z out '*DONE: *PROMPT> *' || exit 3
  print -r -- "$out" | tr -d '\r' | grep -a '^DONE: ' | tail -1
done
zpty -d z
ZSH
typed=("orgraph sh" "orgraph --data x sh" "orgraph -q --with y expo" "orgraph coverage --univ" "orgraph show --univ"
  "orgraph help wea" "orgraph info --data $work/data-f" "orgraph export --t")
expected=(
  "DONE: orgraph show"
  "DONE: orgraph --data x show"
  "DONE: orgraph -q --with y export"
  "DONE: orgraph coverage --universe"
  "DONE: orgraph show --univ"
  "DONE: orgraph help weak-points"
  "DONE: orgraph info --data $work/data-file.graphml"
  "DONE: orgraph export --to"
)
check_typed() {
  local how="$1" status="$2"
  [ "$status" -eq 77 ] && {
    echo "SKIP: zsh has no zpty module or no pseudo-terminal" >&2
    exit 77
  }
  [ "$status" -eq 0 ] || fail "$how: the interactive zsh exited $status: $(cat "$work/typed")"
  for i in "${!typed[@]}"; do
    got=$(sed -n "$((i + 1))p" "$work/typed")
    [ "$got" = "${expected[$i]}" ] || fail "$how: '${typed[$i]}' and TAB gave '$got', not '${expected[$i]}'"
  done
}
timeout 60 zsh -f "$work/type.zsh" "fpath=($work/functions \$fpath); autoload -U compinit; compinit -u -D" \
  "${typed[@]}" >"$work/typed" 2>&1
check_typed "installed in \$fpath" $?
timeout 60 zsh -f "$work/type.zsh" "autoload -U compinit; compinit -u -D; source <('$orgraph' completion zsh)" \
  "${typed[@]}" >"$work/typed" 2>&1
check_typed "source <(orgraph completion zsh)" $?

# The same questions to bash's completion function, as bash's programmable completion calls it.
"$orgraph" completion bash >"$work/orgraph.bash"
bash -c 'source "$1"; complete -p orgraph' _ "$work/orgraph.bash" 2>&1 | grep -qx "complete -F _orgraph orgraph" ||
  fail "the bash completion does not bind _orgraph to orgraph"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _orgraph; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$work/orgraph.bash" "$@"
}
[ "$(complete_words orgraph sh)" = show ] || fail "bash: 'orgraph sh': $(complete_words orgraph sh)"
[ "$(complete_words orgraph -q --with y expo)" = export ] || fail "bash: 'orgraph -q --with y expo'"
[ "$(complete_words orgraph export --t)" = --to ] || fail "bash: 'orgraph export --t': $(complete_words orgraph export --t)"
complete_words orgraph show --univ | grep -q . && fail "bash offers show an option of coverage"

[ "$failures" -eq 0 ] || {
  echo "$failures failures" >&2
  exit 1
}
