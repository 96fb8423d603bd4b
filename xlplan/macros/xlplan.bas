' xlplan: the Recalculate priorities button.
'
' Does what `xlplan prioritize` does, inside the workbook, with no Python: rank the
' open actions by score, propose a month for each one the way xlplan's scheduler does
' (same rules, same reasons), move each action's row to its month sheet with its
' status, results, spend and notes, and stamp the time.
' The Actions table keeps its order: the month sheets and the status column point at
' its rows.
' Written for both Excel and LibreOffice: ranges are read and written as arrays, and
' lookups use tables of its own (see Slot).
Option Explicit

Private Const ACT_COLS As Long = 21
Private Const C_ID As Long = 1
Private Const C_TITLE As Long = 2
Private Const C_IMPACT As Long = 6
Private Const C_EFFORT As Long = 7
Private Const C_DEPS As Long = 8
Private Const C_COST As Long = 10
Private Const C_HOURS As Long = 11
Private Const C_MONTH As Long = 13
Private Const C_PINNED As Long = 14
Private Const C_MOMENT As Long = 15
Private Const C_STATUS As Long = 16
Private Const C_SCORE As Long = 17
Private Const C_QUADRANT As Long = 18
Private Const C_RANK As Long = 19
Private Const C_KPI As Long = 20
Private Const C_REASON As Long = 21
Private Const MON_COLS As Long = 12
Private Const SPARE_MONTH_ROWS As Long = 10
' VarType's answers, as numbers: LibreOffice looks each vb constant up at run time,
' which costs more than the rest of a cell's reading
Private Const V_INTEGER As Long = 2
Private Const V_LONG As Long = 3
Private Const V_SINGLE As Long = 4
Private Const V_DOUBLE As Long = 5
Private Const V_CURRENCY As Long = 6
Private Const V_STRING As Long = 8

' the actions, one entry per row of the Actions table that holds one
Private n As Long
Private aRow() As Long
Private aId() As String
Private aOpen() As Boolean
Private aPinned() As Boolean
Private aMonth() As Long
Private aHours() As Double
Private aCost() As Double
Private aScored() As Boolean
Private aScore() As Double
Private aQuadrant() As String
Private aDeps() As String
Private aMoment() As String
Private aReason() As String
Private aImpact() As Variant
Private aEffort() As Variant
Private aStatus() As Variant
Private aCode() As Long
Private aInputs() As Variant
Private aHasInputs() As Boolean
Private aHasWork() As Boolean
Private pMonth() As Long
Private pReason() As String
Private depStart() As Long
Private depCount() As Long
Private depSlot() As Long
Private depName() As String

Private byIdKeys() As String
Private byIdVals() As Long
Private decided() As Boolean
Private decidedMonth() As Long
Private monthNames(1 To 12) As String
Private startMonth As Long
Private momentKeys() As String
Private momentVals() As Long
Private momentMonth() As Long

' what each month holds so far
Private capacity As Double
Private budget As Double
Private wip As Double
Private mHours(1 To 12) As Double
Private mCost(1 To 12) As Double
Private mOpen(1 To 12) As Long

Public Sub RecalculatePriorities()
    Dim stamp As Range
    On Error GoTo Failed
    Set stamp = ThisWorkbook.Names("Act_Recalculated").RefersToRange
    Application.Calculate
    ReadActions
    ScheduleActions
    WriteMonths
    WriteActions
    stamp.Value = Now
    Application.Calculate
    Exit Sub
Failed:
    Dim message As String
    message = "Not recalculated: " & Err.Description & _
              ". Run xlplan check on the file to see what is wrong."
    On Error Resume Next
    stamp.Value = message
End Sub

' ---------------------------------------------------------------- reading

Private Function Area(ByVal name As String) As Range
    Set Area = ThisWorkbook.Names(name).RefersToRange
End Function

Private Function ActionsArea() As Range
    Dim ids As Range
    Set ids = Area("Act_Id")
    Set ActionsArea = ids.Worksheet.Cells(ids.Row, ids.Column).Resize(ids.Rows.Count, ACT_COLS)
End Function

Private Function MonthArea(ByVal m As Long) As Range
    Dim ids As Range
    Set ids = Area("Mon" & Format(m, "00") & "_Id")
    Set MonthArea = ids.Worksheet.Cells(ids.Row, ids.Column).Resize(ids.Rows.Count, MON_COLS)
End Function

Private Function Txt(ByVal v As Variant) As String
    ' a cell as text, the way xlplan reads it: trimmed, 3.0 written 3
    If IsError(v) Or IsEmpty(v) Then
        Txt = ""
    ElseIf IsNumber(v) Then
        Txt = Digits(CDbl(v))
    Else
        Txt = Trim(CStr(v))
    End If
End Function

Private Function Blank(ByVal v As Variant) As Boolean
    If IsEmpty(v) Then
        Blank = True
    ElseIf VarType(v) = V_STRING Then
        Blank = (Len(Trim(v)) = 0)
    Else
        Blank = False
    End If
End Function

Private Function IsNumber(ByVal v As Variant) As Boolean
    If IsError(v) Then
        IsNumber = False
    Else
        Select Case VarType(v)
            Case V_DOUBLE, V_INTEGER, V_LONG, V_SINGLE, V_CURRENCY: IsNumber = True
            Case Else: IsNumber = False
        End Select
    End If
End Function

Private Function Num(ByVal v As Variant) As Double
    If IsNumber(v) Then Num = CDbl(v) Else Num = 0
End Function

Private Function ListLabels(ByVal name As String) As Variant
    ' the labels of a list in Settings, lower case and trimmed, 1-based
    Dim values As Variant, out() As String, i As Long
    values = Area(name).Value
    ReDim out(1 To UBound(values, 1))
    For i = 1 To UBound(values, 1)
        out(i) = LCase(Txt(values(i, 1)))
    Next i
    ListLabels = out
End Function

Private Function IndexOf(labels As Variant, ByVal v As Variant) As Long
    Dim key As String, i As Long
    key = LCase(Txt(v))
    IndexOf = 0
    If key = "" Then Exit Function
    For i = LBound(labels) To UBound(labels)
        If labels(i) = key Then
            IndexOf = i
            Exit Function
        End If
    Next i
End Function

' Tables from text to a number: open addressing over two arrays, with exact keys as
' xlplan compares them. (Scripting.Dictionary is Windows-only, and a Collection raises
' an error for each missing key, which LibreOffice makes slow.)

Private Sub NewTable(keys() As String, vals() As Long, ByVal count As Long)
    Dim size As Long
    size = 16
    Do While size < 2 * count
        size = size * 2
    Loop
    ReDim keys(0 To size - 1)
    ReDim vals(0 To size - 1)
End Sub

Private Function Slot(keys() As String, ByVal key As String) As Long
    ' where key is in the table, or the free place where it would go
    Dim h As Long, i As Long, mask As Long
    mask = UBound(keys)
    h = 0
    For i = 1 To Len(key)
        h = (h * 31 + AscW(Mid$(key, i, 1))) And &HFFFFF
    Next i
    h = h And mask
    Do While keys(h) <> "" And keys(h) <> key
        h = (h + 1) And mask
    Loop
    Slot = h
End Function

Private Function Lookup(keys() As String, vals() As Long, ByVal key As String) As Long
    ' the number stored under key, or 0
    Dim at As Long
    Lookup = 0
    If key = "" Then Exit Function
    at = Slot(keys, key)
    If keys(at) = key Then Lookup = vals(at)
End Function

Private Sub Store(keys() As String, vals() As Long, ByVal key As String, _
                  ByVal value As Long, ByVal replace As Boolean)
    ' store value under key; an existing value stays unless replace
    Dim at As Long
    If key = "" Then Exit Sub
    at = Slot(keys, key)
    If keys(at) <> key Or replace Then
        keys(at) = key
        vals(at) = value
    End If
End Sub

Private Sub ReadActions()
    Dim data As Variant, statusLabels As Variant, quadrantLabels As Variant
    Dim calMonths As Variant, planMonths As Variant, yes As String
    Dim i As Long, r As Long, k As Long, m As Long, code As Long
    Dim inputCols As Variant, canonical As Variant

    capacity = Num(Area("Set_Capacity").Value)
    budget = Int(Num(Area("Set_Budget").Value) / 12 * 100 + 0.5) / 100
    wip = Num(Area("Set_WipLimit").Value)
    startMonth = CLng(Num(Area("Set_StartMonth").Value))
    statusLabels = ListLabels("List_Status")
    canonical = Area("List_Status").Value
    quadrantLabels = ListLabels("List_Quadrant")
    calMonths = ListLabels("List_CalMonths")
    planMonths = Area("List_Months").Value
    For m = 1 To 12
        monthNames(m) = Txt(planMonths(m, 1))
    Next m
    yes = ListLabels("List_YesNo")(1)
    ReadMoments calMonths

    ' the month sheets hold what owners type: status, results, spend, notes
    ' an action's row is found by id: the one in its month, else the first one
    Dim firstKeys() As String, firstVals() As Long, monthKeys() As String, monthVals() As Long
    Dim key As String, monthData(1 To 12) As Variant, entry As Long, count As Long
    count = 0
    For m = 1 To 12
        monthData(m) = MonthArea(m).Value
        count = count + UBound(monthData(m), 1)
    Next m
    NewTable firstKeys, firstVals, count
    NewTable monthKeys, monthVals, count
    For m = 1 To 12
        For r = 1 To UBound(monthData(m), 1)
            key = Txt(monthData(m)(r, 1))
            If key <> "" Then
                entry = m * 100000 + r
                Store firstKeys, firstVals, key, entry, False
                Store monthKeys, monthVals, key & "|" & m, entry, False
            End If
        Next r
    Next m

    data = ActionsArea().Value
    inputCols = Array(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 20)
    n = 0
    ReDim aRow(1 To UBound(data, 1))
    For r = 1 To UBound(data, 1)
        For k = LBound(inputCols) To UBound(inputCols)
            If Not Blank(data(r, inputCols(k))) Then
                n = n + 1
                aRow(n) = r
                Exit For
            End If
        Next k
    Next r

    ReDim aId(1 To n + 1): ReDim aOpen(1 To n + 1): ReDim aPinned(1 To n + 1)
    ReDim aMonth(1 To n + 1): ReDim aHours(1 To n + 1): ReDim aCost(1 To n + 1)
    ReDim aScored(1 To n + 1): ReDim aScore(1 To n + 1): ReDim aQuadrant(1 To n + 1)
    ReDim aDeps(1 To n + 1): ReDim aMoment(1 To n + 1): ReDim aReason(1 To n + 1)
    ReDim aImpact(1 To n + 1): ReDim aEffort(1 To n + 1): ReDim aStatus(1 To n + 1)
    ReDim aCode(1 To n + 1)
    ReDim aInputs(1 To n + 1, 1 To 4): ReDim aHasInputs(1 To n + 1): ReDim aHasWork(1 To n + 1)
    ReDim pMonth(1 To n + 1): ReDim pReason(1 To n + 1)
    ReDim decided(1 To n + 1): ReDim decidedMonth(1 To n + 1)
    NewTable byIdKeys, byIdVals, n
    For i = 1 To n
        r = aRow(i)
        aId(i) = Txt(data(r, C_ID))
        aPinned(i) = (LCase(Txt(data(r, C_PINNED))) = yes)
        aMonth(i) = 0
        k = IndexOf(calMonths, data(r, C_MONTH))
        If k > 0 Then aMonth(i) = ((k - startMonth) Mod 12 + 12) Mod 12 + 1
        aHours(i) = Num(data(r, C_HOURS))
        aCost(i) = Num(data(r, C_COST))
        aScored(i) = IsNumber(data(r, C_SCORE))
        If aScored(i) Then aScore(i) = CDbl(data(r, C_SCORE))
        Select Case IndexOf(quadrantLabels, data(r, C_QUADRANT))
            Case 1: aQuadrant(i) = "quick_win"
            Case 2: aQuadrant(i) = "major_project"
            Case 3: aQuadrant(i) = "fill_in"
            Case 4: aQuadrant(i) = "drop"
            Case Else: aQuadrant(i) = ""
        End Select
        aDeps(i) = Txt(data(r, C_DEPS))
        aMoment(i) = Txt(data(r, C_MOMENT))
        aReason(i) = Txt(data(r, C_REASON))
        aImpact(i) = data(r, C_IMPACT)
        aEffort(i) = data(r, C_EFFORT)
        aStatus(i) = data(r, C_STATUS)

        entry = Lookup(monthKeys, monthVals, aId(i) & "|" & aMonth(i))
        If entry = 0 Then entry = Lookup(firstKeys, firstVals, aId(i))
        aHasInputs(i) = (entry > 0)
        aHasWork(i) = False
        If entry > 0 Then
            m = entry \ 100000
            For k = 1 To 4
                aInputs(i, k) = monthData(m)(entry - m * 100000, 6 + k)
                If k > 1 Then aHasWork(i) = aHasWork(i) Or Not Blank(aInputs(i, k))
            Next k
            If aMonth(i) > 0 Then aStatus(i) = aInputs(i, 1)
        End If
        code = IndexOf(statusLabels, aStatus(i))
        aCode(i) = code
        aOpen(i) = (code <> 4 And code <> 5)
        If code > 0 Then aStatus(i) = canonical(code, 1)
        Store byIdKeys, byIdVals, aId(i), i, True
    Next i
End Sub

Private Sub ReadMoments(calMonths As Variant)
    Dim names As Range, values As Variant, i As Long, k As Long
    Set names = Area("List_Moments")
    values = names.Resize(names.Rows.Count, 2).Value
    NewTable momentKeys, momentVals, UBound(values, 1)
    ReDim momentMonth(1 To UBound(values, 1))
    For i = 1 To UBound(values, 1)
        k = IndexOf(calMonths, values(i, 2))
        If k = 0 Then k = 1
        momentMonth(i) = k
        Store momentKeys, momentVals, Txt(values(i, 1)), i, True
    Next i
End Sub

' ---------------------------------------------------------------- formatting

Public Function Figure(ByVal x As Double) As String
    ' a number to one decimal, trailing .0 dropped: 62, 108.3
    Dim tenths As Double, whole As Double, frac As Double, sign As String
    tenths = Int(x * 10 + 0.5)
    If tenths < 0 Then sign = "-": tenths = -tenths
    whole = Int(tenths / 10)
    frac = tenths - whole * 10
    If frac = 0 Then
        Figure = sign & Digits(whole)
    Else
        Figure = sign & Digits(whole) & "." & Digits(frac)
    End If
End Function

Public Function Amount(ByVal x As Double) As String
    ' a whole amount with thousands separated by commas: 12,500
    Dim s As String, out As String, sign As String
    x = Int(x + 0.5)
    If x < 0 Then sign = "-": x = -x
    s = Digits(x)
    Do While Len(s) > 3
        out = "," & Right(s, 3) & out
        s = Left(s, Len(s) - 3)
    Loop
    Amount = sign & s & out
End Function

Private Function Digits(ByVal x As Double) As String
    Digits = Trim(Str(x))
End Function

Private Function Arrow() As String
    Arrow = " " & ChrW(8594) & " "
End Function

' ---------------------------------------------------------------- scheduling

Private Function IsFixed(ByVal i As Long) As Boolean
    IsFixed = (Not aOpen(i)) Or aPinned(i)
End Function

Private Sub AddTo(ByVal i As Long, ByVal m As Long)
    mHours(m) = mHours(m) + aHours(i)
    mCost(m) = mCost(m) + aCost(i)
    If aOpen(i) Then mOpen(m) = mOpen(m) + 1
End Sub

Private Function Lack(ByVal i As Long, ByVal m As Long, ByVal says As Boolean) As String
    ' why action i does not fit in month m, or "" when it does; with says False, only
    ' "x" for a month that does not fit (building the sentence is the slow part)
    Dim hours As Double, spent As Double, k As Long, extra As Double
    Lack = ""
    hours = mHours(m) + aHours(i)
    If hours > capacity Then
        Lack = "x"
        If says Then Lack = monthNames(m) & " hours full, " & Figure(hours) & "/" & _
                            Figure(capacity) & " h"
        Exit Function
    End If
    spent = 0
    For k = 1 To 12
        extra = 0
        If k = m Then extra = aCost(i)
        spent = spent + (mCost(k) + extra)
        If k >= m And spent > budget * k + 0.005 Then
            Lack = "x"
            If says Then Lack = "budget to " & monthNames(k) & " exceeded, " & Amount(spent) & _
                                " planned for " & Amount(budget * k)
            Exit Function
        End If
    Next k
    If mOpen(m) + 1 > wip Then
        Lack = "x"
        If says Then Lack = monthNames(m) & " at the work-in-progress limit, " & Figure(wip) & _
                            " actions"
    End If
End Function

Private Sub Decide(ByVal i As Long, ByVal m As Long, ByVal reason As String)
    Dim slot As Long
    pMonth(i) = m
    pReason(i) = reason
    slot = Lookup(byIdKeys, byIdVals, aId(i))
    If slot > 0 Then
        decided(slot) = True
        decidedMonth(slot) = m
    End If
End Sub

Private Sub ReadDependencies()
    ' each action's dependencies on other actions, as (id, action) pairs; ids of no action
    ' and an action's own id are left out
    Dim i As Long, k As Long, deps As Variant, d As String, slot As Long, count As Long
    ReDim depStart(1 To n + 1): ReDim depCount(1 To n + 1)
    count = 0
    For i = 1 To n
        If aDeps(i) <> "" Then count = count + UBound(Split(aDeps(i), ",")) + 1
    Next i
    ReDim depSlot(1 To count + 1): ReDim depName(1 To count + 1)
    count = 0
    For i = 1 To n
        depStart(i) = count + 1
        If aDeps(i) <> "" Then
            deps = Split(aDeps(i), ",")
            For k = LBound(deps) To UBound(deps)
                d = Trim(deps(k))
                slot = 0
                If d <> "" And d <> aId(i) Then slot = Lookup(byIdKeys, byIdVals, d)
                If slot > 0 Then
                    count = count + 1
                    depSlot(count) = slot
                    depName(count) = d
                End If
            Next k
        End If
        depCount(i) = count + 1 - depStart(i)
    Next i
End Sub

Private Function Ready(ByVal i As Long) As Boolean
    ' every dependency of action i has been decided
    Dim k As Long
    Ready = True
    For k = depStart(i) To depStart(i) + depCount(i) - 1
        If Not decided(depSlot(k)) Then
            Ready = False
            Exit Function
        End If
    Next k
End Function

Private Sub ScheduleActions()
    Dim i As Long, k As Long, m As Long, why As String, order() As Long, movable As Long
    Dim pending() As Boolean, remaining As Long, pick As Long, head As Long
    For m = 1 To 12
        mHours(m) = 0: mCost(m) = 0: mOpen(m) = 0
    Next m
    ReadDependencies
    ReDim order(1 To n + 1)
    movable = 0
    For i = 1 To n
        If IsFixed(i) Then
            If aMonth(i) > 0 Then AddTo i, aMonth(i)
            If aOpen(i) Then
                why = "pinned"
            ElseIf aCode(i) = 4 Then
                why = "done"
            Else
                why = "abandoned"
            End If
            If aMonth(i) > 0 Then why = why & " in " & monthNames(aMonth(i))
            Decide i, aMonth(i), why
        ElseIf Not aScored(i) Then
            Decide i, aMonth(i), "not scored (impact, effort or risk missing)"
            If aMonth(i) > 0 Then AddTo i, aMonth(i)
        ElseIf aQuadrant(i) = "drop" Then
            Decide i, 0, "drop quadrant (impact " & Txt(aImpact(i)) & ", effort " & _
                           Txt(aEffort(i)) & "): left unscheduled; stop it or rethink it"
            Settle i
        Else
            movable = movable + 1
            order(movable) = i
        End If
    Next i
    SortByRank order, movable

    ReDim pending(1 To n + 1)
    For k = 1 To movable
        pending(k) = True
    Next k
    remaining = movable
    head = 1
    Do While remaining > 0
        Do While Not pending(head)
            head = head + 1
        Loop
        pick = 0
        For k = head To movable
            If pending(k) Then
                If Ready(order(k)) Then
                    pick = k
                    Exit For
                End If
            End If
        Next k
        If pick = 0 Then
            ' the rest wait on each other: a dependency cycle
            For k = 1 To movable
                If pending(k) Then
                    Decide order(k), 0, "not placed: its dependencies form a circle"
                    Settle order(k)
                    pending(k) = False
                End If
            Next k
            Exit Do
        End If
        pending(pick) = False
        remaining = remaining - 1
        i = order(pick)
        Place i
        Settle i
    Loop
End Sub

Private Sub Place(ByVal i As Long)
    Dim first As Long, last As Long, after As String, k As Long
    Dim slot As Long, m As Long, cal As Long
    Dim current As Long, currentLack As String, lastLack As String, why As String
    Dim head As String, candidates(1 To 12) As Long, nc As Long, tied As Boolean
    first = 1: after = ""
    For k = depStart(i) To depStart(i) + depCount(i) - 1
        slot = depSlot(k)
        If aOpen(slot) Then
            m = decidedMonth(slot)
            If m = 0 Then
                Decide i, 0, "not placed: it waits for " & depName(k) & ", which has no month"
                Exit Sub
            End If
            If m + 1 > first Then first = m + 1: after = depName(k)
        End If
    Next k
    last = 12
    slot = Lookup(momentKeys, momentVals, aMoment(i))
    tied = (slot > 0)
    If tied Then
        cal = momentMonth(slot)
        last = ((cal - startMonth) Mod 12 + 12) Mod 12
        If last < 1 Then
            Decide i, 0, "not placed: " & aMoment(i) & " falls in the plan's first month"
            Exit Sub
        End If
    End If
    If first > 12 Then
        Decide i, 0, "not placed: " & after & " ends in the plan's last month"
        Exit Sub
    End If
    If first > last Then
        Decide i, 0, "not placed: after " & after & " (" & monthNames(first - 1) & _
                       ") there is no month left before " & aMoment(i)
        Exit Sub
    End If

    current = aMonth(i)
    currentLack = ""
    If current > 0 And first <= current And current <= last Then
        currentLack = Lack(i, current, True)
        If currentLack = "" Then
            Decide i, current, Stays(i, monthNames(current))
            Exit Sub
        End If
    End If

    nc = 0
    If tied Then
        For m = last To first Step -1
            nc = nc + 1: candidates(nc) = m
        Next m
    ElseIf aQuadrant(i) = "quick_win" Then
        For m = 1 To 3
            If m >= first And m <= last Then nc = nc + 1: candidates(nc) = m
        Next m
        For m = first To last
            If m > 3 Then nc = nc + 1: candidates(nc) = m
        Next m
    Else
        For m = first To last
            nc = nc + 1: candidates(nc) = m
        Next m
    End If

    For k = 1 To nc
        m = candidates(k)
        why = Lack(i, m, False)
        If why = "" Then
            If current = m Then
                Decide i, m, Stays(i, monthNames(m))
                Exit Sub
            End If
            If current > 0 And currentLack <> "" Then
                why = currentLack
            ElseIf current > 0 Then
                If current < first Then
                    why = "must come after " & after & " (" & monthNames(first - 1) & ")"
                Else
                    why = "must come before " & aMoment(i)
                End If
            Else
                why = "first month with room"
                If after <> "" Then why = why & " after " & after
            End If
            If current > 0 Then
                head = "moved " & monthNames(current) & Arrow() & monthNames(m)
            Else
                head = "placed in " & monthNames(m)
            End If
            Decide i, m, head & ": " & why
            Exit Sub
        End If
    Next k
    ' the candidates all lack room: the last one tried says why
    lastLack = Lack(i, candidates(nc), True)
    Decide i, 0, "not placed: no month from " & monthNames(first) & " to " & _
                   monthNames(last) & " has room (" & lastLack & ")"
End Sub

Private Sub Settle(ByVal i As Long)
    ' the month decided for action i counts against that month; an action left without
    ' a month keeps its month when results, spend or notes are typed on its row there,
    ' so nothing typed is lost
    If pMonth(i) = 0 And aMonth(i) > 0 And aHasWork(i) Then
        Decide i, aMonth(i), "kept in " & monthNames(aMonth(i)) & _
                             ", where work is recorded: " & pReason(i)
    End If
    If pMonth(i) > 0 Then AddTo i, pMonth(i)
End Sub

Private Function Stays(ByVal i As Long, ByVal name As String) As String
    ' the reason written when the action was put in this month, while it still names it,
    ' so that a second click changes nothing
    If aReason(i) <> "" And (InStr(aReason(i), Arrow() & name & ":") > 0 _
                             Or InStr(aReason(i), "in " & name & ":") > 0) Then
        Stays = aReason(i)
    Else
        Stays = "stays in " & name & ": it fits"
    End If
End Function

Private Function Before(ByVal i As Long, ByVal j As Long) As Boolean
    ' rank order: higher score first, then id
    If aScore(i) <> aScore(j) Then
        Before = aScore(i) > aScore(j)
    Else
        Before = StrComp(aId(i), aId(j), 0) < 0
    End If
End Function

Private Sub SortByRank(order() As Long, ByVal count As Long)
    ' a stable merge sort of order(1..count)
    Dim work() As Long, width As Long, lo As Long, md As Long, hi As Long
    Dim a As Long, b As Long, k As Long
    If count < 2 Then Exit Sub
    ReDim work(1 To count)
    width = 1
    Do While width < count
        lo = 1
        Do While lo <= count
            md = lo + width - 1
            If md > count Then md = count
            hi = lo + 2 * width - 1
            If hi > count Then hi = count
            a = lo: b = md + 1
            For k = lo To hi
                If a <= md And b > hi Then
                    work(k) = order(a): a = a + 1
                ElseIf a > md Then
                    work(k) = order(b): b = b + 1
                ElseIf Before(order(b), order(a)) Then
                    work(k) = order(b): b = b + 1
                Else
                    work(k) = order(a): a = a + 1
                End If
            Next k
            lo = hi + 1
        Loop
        For k = 1 To count
            order(k) = work(k)
        Next k
        width = width * 2
    Loop
End Sub

' ---------------------------------------------------------------- writing

Private Function Quoted(ByVal sheetName As String) As String
    Quoted = "'" & Replace(sheetName, "'", "''") & "'!"
End Function

Private Sub WriteMonths()
    Dim m As Long, i As Long, k As Long, count As Long, tbl As Range, size As Long
    Dim ids() As Variant, refs() As Variant, inputs() As Variant, totals() As Variant
    Dim actions As Range, actSheet As String, src As String, first As Long
    Set actions = ActionsArea()
    actSheet = Quoted(actions.Worksheet.Name)
    For m = 1 To 12
        count = 0
        For i = 1 To n
            If pMonth(i) = m Then count = count + 1
        Next i
        Set tbl = MonthArea(m)
        size = tbl.Rows.Count
        If count > size Then
            ' rows inserted inside the table, so the table and every range on it grow
            tbl.Worksheet.Rows(tbl.Row + size - 1).Resize(count - size + SPARE_MONTH_ROWS).Insert
            Set tbl = MonthArea(m)
            size = tbl.Rows.Count
        End If
        tbl.ClearContents
        If count > 0 Then
            ReDim ids(1 To count, 1 To 1): ReDim refs(1 To count, 1 To 5)
            ReDim inputs(1 To count, 1 To 4): ReDim totals(1 To count, 1 To 2)
            k = 0
            For i = 1 To n
                If pMonth(i) = m Then
                    k = k + 1
                    first = actions.Row + aRow(i) - 1
                    ids(k, 1) = Empty
                    If aId(i) <> "" Then ids(k, 1) = aId(i)
                    refs(k, 1) = "=""""&" & actSheet & "$B$" & first
                    refs(k, 2) = "=""""&" & actSheet & "$C$" & first
                    refs(k, 3) = "=""""&" & actSheet & "$D$" & first
                    refs(k, 4) = "=""""&" & actSheet & "$L$" & first
                    refs(k, 5) = "=""""&" & actSheet & "$E$" & first
                    inputs(k, 1) = aStatus(i)
                    inputs(k, 2) = Empty: inputs(k, 3) = Empty: inputs(k, 4) = Empty
                    If aHasInputs(i) Then
                        inputs(k, 2) = Trimmed(aInputs(i, 2))
                        inputs(k, 3) = aInputs(i, 3)
                        inputs(k, 4) = Trimmed(aInputs(i, 4))
                    End If
                    totals(k, 1) = "=" & actSheet & "$J$" & first
                    totals(k, 2) = "=" & actSheet & "$K$" & first
                    ' the status column of Actions shows the one typed on this row
                    aStatus(i) = "=""""&" & Quoted(tbl.Worksheet.Name) & "$G$" & (tbl.Row + k - 1)
                End If
            Next i
            tbl.Cells(1, 1).Resize(count, 1).Value = ids
            tbl.Cells(1, 2).Resize(count, 5).Formula = refs
            tbl.Cells(1, 7).Resize(count, 4).Value = inputs
            tbl.Cells(1, 11).Resize(count, 2).Formula = totals
        End If
    Next m
End Sub

Private Function Trimmed(ByVal v As Variant) As Variant
    If VarType(v) = V_STRING Then
        If Trim(v) = "" Then Trimmed = Empty Else Trimmed = Trim(v)
    Else
        Trimmed = v
    End If
End Function

Private Sub WriteActions()
    Dim actions As Range, size As Long, i As Long, rank() As Long, count As Long, k As Long
    Dim months() As Variant, statuses() As Variant, ranks() As Variant, reasons() As Variant
    Set actions = ActionsArea()
    size = actions.Rows.Count
    ' rows that hold no action have none of these (Empty said explicitly: LibreOffice
    ' writes a 0 for an element ReDim left unset)
    ReDim months(1 To size, 1 To 1): ReDim statuses(1 To size, 1 To 1)
    ReDim ranks(1 To size, 1 To 1): ReDim reasons(1 To size, 1 To 1)
    For i = 1 To size
        months(i, 1) = Empty: statuses(i, 1) = Empty: ranks(i, 1) = Empty: reasons(i, 1) = Empty
    Next i
    ReDim rank(1 To n + 1)
    count = 0
    For i = 1 To n
        If aOpen(i) And aScored(i) Then count = count + 1: rank(count) = i
    Next i
    SortByRank rank, count
    For k = 1 To count
        ranks(aRow(rank(k)), 1) = k
    Next k
    For i = 1 To n
        If pMonth(i) > 0 Then months(aRow(i), 1) = monthNames(pMonth(i))
        statuses(aRow(i), 1) = aStatus(i)
        reasons(aRow(i), 1) = pReason(i)
    Next i
    ' cleared first: an Empty in an array leaves a LibreOffice cell as it was
    For k = 0 To 1
        actions.Columns(C_MONTH + k * (C_RANK - C_MONTH)).ClearContents
        actions.Columns(C_STATUS + k * (C_REASON - C_STATUS)).ClearContents
    Next k
    actions.Columns(C_MONTH).Value = months
    actions.Columns(C_STATUS).Formula = statuses
    actions.Columns(C_RANK).Value = ranks
    actions.Columns(C_REASON).Value = reasons
End Sub
