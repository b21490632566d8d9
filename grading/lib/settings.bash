# settings.bash - the grader's own settings, checked before any grading:
# a bad one is the grader's to mend, said in one line, and must not turn
# into a student's lost points (a boot bound of "abc" would fail every
# check that boots, in the student's name).
#
# validate_grader_settings: prints what is wrong with the first bad one of
# ENTRYLAB_BOOT_TIMEOUT and ENTRYLAB_BUILD_TIMEOUT (seconds, not 0) and
# ENTRYLAB_GRADE_JOBS (labs at once, 1 or more), and fails; silent when
# each is unset or good.
validate_grader_settings() {
        local name value
        for name in ENTRYLAB_BOOT_TIMEOUT ENTRYLAB_BUILD_TIMEOUT; do
                value=${!name:-}
                [ -z "$value" ] || { [[ $value =~ ^[0-9]+(\.[0-9]+)?$ ]] && [[ $value =~ [1-9] ]]; } || {
                        echo "entrylab: $name=$value is not a number of seconds"
                        return 1
                }
        done
        value=${ENTRYLAB_GRADE_JOBS:-}
        [ -z "$value" ] || [[ $value =~ ^[1-9][0-9]*$ ]] || {
                echo "entrylab: ENTRYLAB_GRADE_JOBS=$value is not a number of labs to grade at once (1 or more)"
                return 1
        }
}
