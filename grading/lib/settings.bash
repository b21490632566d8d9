# settings.bash - the grader's own settings, checked before any grading:
# a bad one is the grader's to mend, said in one line, and must not turn
# into a student's lost points (a boot bound of "abc" would fail every
# check that boots, in the student's name).
#
# validate_grader_settings: prints what is wrong with the first bad one of
# ENTRYLAB_BOOT_TIMEOUT (whole seconds, 1 or more: the checks do shell
# arithmetic with it), ENTRYLAB_BUILD_TIMEOUT (seconds, not 0) and
# ENTRYLAB_GRADE_JOBS (labs at once, 1 or more), and fails; silent when
# each is unset or good.
validate_grader_settings() {
        local value=${ENTRYLAB_BOOT_TIMEOUT:-}
        [ -z "$value" ] || [[ $value =~ ^[1-9][0-9]*$ ]] || {
                echo "entrylab: ENTRYLAB_BOOT_TIMEOUT=$value is not a number of seconds (a whole one, 1 or more)"
                return 1
        }
        value=${ENTRYLAB_BUILD_TIMEOUT:-}
        [ -z "$value" ] || { [[ $value =~ ^[0-9]+(\.[0-9]+)?$ ]] && [[ $value =~ [1-9] ]]; } || {
                echo "entrylab: ENTRYLAB_BUILD_TIMEOUT=$value is not a number of seconds"
                return 1
        }
        value=${ENTRYLAB_GRADE_JOBS:-}
        [ -z "$value" ] || [[ $value =~ ^[1-9][0-9]*$ ]] || {
                echo "entrylab: ENTRYLAB_GRADE_JOBS=$value is not a number of labs to grade at once (1 or more)"
                return 1
        }
}
