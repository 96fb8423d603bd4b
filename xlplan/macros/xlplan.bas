' xlplan: the Recalculate priorities button.
'
' Does what `xlplan prioritize` does, inside the workbook, with no Python: rank the
' open actions by score, propose a month for each one the way xlplan's scheduler does
' (same rules, same reasons), move each action's row to its month sheet with its
' status, results, spend and notes as they were typed, and stamp the time.
' The Actions table keeps its order: the month sheets and the status column point at
' its lines.
' Written for Excel and LibreOffice alike: ranges are read and written as arrays, and
' lookups use tables of its own (see SlotOf).
' All or nothing: everything is read and planned before a cell changes; what is about
' to be written is saved first and put back if writing fails, and a message box says
' what went wrong. Excel clears its Undo list after any macro: the backups xlplan
' keeps, and this all-or-nothing, stand in for it.
Option Explicit

Private Const ACT_COLS As Long = 24
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
Private Const C_LATE_SINCE As Long = 24
' the Actions columns the plan decides: month, status, rank, why here, late since
Private Const DECIDED_COLS As Long = 5
Private Const MON_COLS As Long = 12
Private Const M_INPUT As Long = 6
Private Const SPARE_MONTH_ROWS As Long = 10
Private Const DATE_FORMAT As String = "yyyy-mm-dd"
' VarType's answers, as numbers: LibreOffice looks each vb constant up at run time,
' which costs more than the rest of a cell's reading
Private Const V_INTEGER As Long = 2
Private Const V_LONG As Long = 3
Private Const V_SINGLE As Long = 4
Private Const V_DOUBLE As Long = 5
Private Const V_CURRENCY As Long = 6
Private Const V_DATE As Long = 7
Private Const V_STRING As Long = 8
Private Const XL_MANUAL As Long = -4135
' the error the macro raises when it refuses (LibreOffice ignores vbObjectError + n)
Private Const STOPPED As Long = 1001

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
Private aEntry() As Long
Private aHasWork() As Boolean
Private pMonth() As Long
Private pReason() As String
Private aLateSince() As String
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
' the click's time, and the plan month of its day: months before it are closed
Private clickTime As Date
Private firstOpen As Long
Private momentKeys() As String
Private momentVals() As Long
Private momentMonth() As Long

' the month sheets as read: held, and what each cell holds as typed (formulas)
Private monthData(1 To 12) As Variant
Private monthTyped(1 To 12) As Variant
' (As Object: LibreOffice drops the declarations after an array As Range)
Private monthTbl(1 To 12) As Object

' what each month holds so far
Private capacity As Double
Private budget As Double
Private wip As Double
Private mHours(1 To 12) As Double
Private mCost(1 To 12) As Double
Private mOpen(1 To 12) As Long

' what will be written, made before any cell changes: each month table's lines, and the
' Actions columns the plan decides
Private outRows(1 To 12) As Long
Private outTable(1 To 12) As Variant
Private outDated(1 To 12) As Variant
Private outActions As Variant
' what was there, to put back if writing fails
Private keptTable(1 To 12) As Variant
Private keptActions As Variant
Private keptStamp As Variant
Private keptAsOf As Variant
Private grownBy(1 To 12) As Long
Private formatCells() As Object
Private formatWas() As Variant
Private formatCount As Long

Public Sub RecalculatePriorities()
    Dim failure As String, was As Variant
    was = Quieten()
    failure = Recalculate()
    PutSettingsBack was
    If failure <> "" Then MsgBox failure, 48, "xlplan"
End Sub

' The application's settings, each read and set on its own, so an engine that lacks
' one still runs the rest. Kept out of Recalculate: in LibreOffice, a procedure that
' has run On Error Resume Next ignores the errors its callees raise even after an
' On Error GoTo, so the refusals would pass unseen.
Private Function Quieten() As Variant
    Dim was(1 To 3) As Variant
    On Error Resume Next
    was(1) = Application.ScreenUpdating
    was(2) = Application.EnableEvents
    was(3) = Application.Calculation
    Application.ScreenUpdating = False
    Application.EnableEvents = False
    Quieten = was
End Function

Private Sub CalculateByHand()
    On Error Resume Next
    Application.Calculation = XL_MANUAL
End Sub

Private Sub PutSettingsBack(was As Variant)
    On Error Resume Next
    If Not IsEmpty(was(3)) Then Application.Calculation = was(3)
    If Not IsEmpty(was(2)) Then Application.EnableEvents = was(2)
    If Not IsEmpty(was(1)) Then Application.ScreenUpdating = was(1)
End Sub

Private Function Recalculate() As String
    ' the whole click; "" when done, else what to tell the person (nothing was changed)
    Dim doing As String, writing As Boolean, stamp As Range, failure As String
    On Error GoTo Failed
    doing = "reading the workbook"
    writing = False
    Set stamp = Area("Act_Recalculated")
    clickTime = Now
    Application.Calculate
    CalculateByHand
    ReadActions
    doing = "planning"
    ScheduleActions
    PrepareMonths
    PrepareActions
    CheckWritable stamp
    doing = "writing the plan"
    KeepWhatIsThere stamp
    writing = True
    WriteMonths
    WriteActions
    stamp.Value = clickTime
    Area("Set_AsOf").Value = DateSerial(Year(clickTime), Month(clickTime), Day(clickTime))
    writing = False
    Application.Calculate
    Recalculate = ""
    Exit Function
Failed:
    If Err.Number = STOPPED Then
        failure = Err.Description
    Else
        failure = "The macro stopped while " & doing & ": " & Err.Description & " (error " & _
                  Err.Number & ")." & vbLf & "Run xlplan check on the file to see what is " & _
                  "wrong, or xlplan prioritize to plan from the command line."
    End If
    If writing Then PutBack stamp
    Recalculate = "Priorities not recalculated; nothing was changed." & vbLf & vbLf & failure
End Function

Private Sub Refuse(ByVal what As String)
    Err.Raise STOPPED, "xlplan", what
End Sub

' ---------------------------------------------------------------- reading

Private Function Area(ByVal label As String) As Range
    Set Area = ThisWorkbook.Names(label).RefersToRange
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
    ElseIf IsNum(v) Then
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

Private Function IsNum(ByVal v As Variant) As Boolean
    ' a number, or a date (Excel reads a date cell as a Date, LibreOffice as a number;
    ' xlplan reads either as the number it is to a spreadsheet)
    If IsError(v) Then
        IsNum = False
    Else
        Select Case VarType(v)
            Case V_DOUBLE, V_INTEGER, V_LONG, V_SINGLE, V_CURRENCY, V_DATE: IsNum = True
            Case Else: IsNum = False
        End Select
    End If
End Function

Private Function Num(ByVal v As Variant) As Double
    If IsNum(v) Then Num = CDbl(v) Else Num = 0
End Function

Private Function Setting(ByVal label As String, ByVal what As String) As Double
    ' a number of the Settings sheet; an error value there stops the click
    Dim cell As Range
    Set cell = Area(label)
    If ShowsError(cell) Then
        Refuse "Settings!" & cell.Address(False, False) & " (" & what & ") shows an " & _
               "error value. Type a number there and click again."
    End If
    Setting = Num(cell.Value)
End Function

Private Function ShowsError(ByVal cell As Range) As Boolean
    ' an error value: Excel reads it as an Error; LibreOffice reads a number and shows
    ' the error as the cell's text (#N/A, #VALUE!, #NAME?, Err:502); "###" is only a
    ' number too wide for its column
    Dim shown As String
    shown = cell.Text
    ShowsError = IsError(cell.Value) Or shown = "#N/A" Or Left(shown, 4) = "Err:" Or _
                 (Left(shown, 1) = "#" And (Right(shown, 1) = "!" Or Right(shown, 1) = "?"))
End Function

Private Sub RefuseDegenerate()
    ' settings that leave nothing to plan stop the click, as they stop xlplan prioritize
    ' (the same sentences as Settings.degenerate)
    Dim weights As Double
    weights = Setting("Set_WImpact", "weight of impact") + Setting("Set_WEffort", _
              "weight of effort") + Setting("Set_WRisk", "weight of risk")
    If weights = 0 Then
        RefuseSetting "Set_WImpact", "the scoring weights add up to 0, so no action can " & _
            "be scored", "give impact, effort and risk weights that add up to more than " & _
            "0, e.g. 0.5, 0.3 and 0.2"
    End If
    If Setting("Set_HoursWeek", "hours per week") <= 0 Then
        RefuseSetting "Set_HoursWeek", "0 internal hours per week leave no capacity for " & _
            "any action", "type the hours the team gives the roadmap each week, e.g. 25"
    End If
    If Setting("Set_Budget", "annual budget") <= 0 Then
        RefuseSetting "Set_Budget", "an annual budget of 0 leaves no month for any " & _
            "action that costs something", "type the year's digital budget"
    End If
    If wip <= 0 Then
        RefuseSetting "Set_WipLimit", "a work-in-progress limit of " & Digits(wip) & _
            " lets no action be planned", "type how many actions may be under way at " & _
            "once, e.g. 6"
    End If
End Sub

Private Sub RefuseSetting(ByVal label As String, ByVal what As String, ByVal remedy As String)
    Refuse "Settings!" & Area(label).Address(False, False) & ": " & what & ". " & _
           UCase(Left(remedy, 1)) & Mid(remedy, 2) & ", then click again."
End Sub

Private Function ListLabels(ByVal label As String) As Variant
    ' the labels of a list in Settings, lower case and trimmed, 1-based
    Dim grid As Variant, out() As String, i As Long
    grid = Area(label).Value
    ReDim out(1 To UBound(grid, 1))
    For i = 1 To UBound(grid, 1)
        out(i) = LCase(Txt(grid(i, 1)))
    Next i
    ListLabels = out
End Function

Private Function IndexOf(labels As Variant, ByVal v As Variant) As Long
    Dim wanted As String, i As Long
    wanted = LCase(Txt(v))
    IndexOf = 0
    If wanted = "" Then Exit Function
    For i = LBound(labels) To UBound(labels)
        If labels(i) = wanted Then
            IndexOf = i
            Exit Function
        End If
    Next i
End Function

Private Function CalendarMonth(calMonths As Variant, ByVal v As Variant, _
                               ByVal where As Range, ByVal r As Long, ByVal c As Long) As Long
    ' the calendar month of a month cell: its label, a number from 1 to 12, or a date
    Dim k As Long
    k = IndexOf(calMonths, v)
    If k = 0 And IsNum(v) Then
        If VarType(v) = V_DATE Then
            k = Month(v)
        ElseIf CDbl(v) = Int(CDbl(v)) And CDbl(v) >= 1 And CDbl(v) <= 12 Then
            k = CLng(v)
        ElseIf CDbl(v) >= 1 And CDbl(v) < 2958466 Then
            If IsDateFormat(where.Cells(r, c).NumberFormat) Then k = Month(CDate(CDbl(v)))
        End If
    End If
    CalendarMonth = k
End Function

Private Function IsDateFormat(ByVal fmt As Variant) As Boolean
    ' whether a number format shows a date: a day or a year outside quotes and brackets
    Dim i As Long, ch As String, inQuotes As Boolean, bracket As Boolean
    IsDateFormat = False
    If VarType(fmt) <> V_STRING Then Exit Function
    For i = 1 To Len(fmt)
        ch = Mid$(fmt, i, 1)
        If ch = """" Then
            inQuotes = Not inQuotes
        ElseIf inQuotes Then
        ElseIf ch = "[" Then
            bracket = True
        ElseIf ch = "]" Then
            bracket = False
        ElseIf Not bracket And (ch = "d" Or ch = "D" Or ch = "y" Or ch = "Y") Then
            IsDateFormat = True
            Exit Function
        End If
    Next i
End Function

' Tables from text to a number: open addressing over two arrays, with exact keys as
' xlplan compares them. (Scripting.Dictionary is Windows-only, and a Collection raises
' an error for each missing key, which LibreOffice makes slow.)

Private Sub NewTable(keys() As String, vals() As Long, ByVal entries As Long)
    Dim span As Long
    span = 16
    Do While span < 2 * entries
        span = span * 2
    Loop
    ReDim keys(0 To span - 1)
    ReDim vals(0 To span - 1)
End Sub

Private Function SlotOf(keys() As String, ByVal wanted As String) As Long
    ' where the key wanted is in the table, or the free place where it would go
    Dim h As Long, i As Long, bits As Long
    bits = UBound(keys)
    h = 0
    For i = 1 To Len(wanted)
        h = (h * 31 + AscW(Mid$(wanted, i, 1))) And &HFFFFF
    Next i
    h = h And bits
    Do While keys(h) <> "" And keys(h) <> wanted
        h = (h + 1) And bits
    Loop
    SlotOf = h
End Function

Private Function Found(keys() As String, vals() As Long, ByVal wanted As String) As Long
    ' the number stored under the key wanted, or 0
    Dim at As Long
    Found = 0
    If wanted = "" Then Exit Function
    at = SlotOf(keys, wanted)
    If keys(at) = wanted Then Found = vals(at)
End Function

Private Sub Store(keys() As String, vals() As Long, ByVal wanted As String, _
                  ByVal stored As Long, ByVal overwrite As Boolean)
    ' keep stored under the key wanted; one already there stays unless overwrite
    Dim at As Long
    If wanted = "" Then Exit Sub
    at = SlotOf(keys, wanted)
    If keys(at) <> wanted Or overwrite Then
        keys(at) = wanted
        vals(at) = stored
    End If
End Sub

Private Sub ReadActions()
    Dim data As Variant, statusLabels As Variant, quadrantLabels As Variant
    Dim calMonths As Variant, planMonths As Variant, yes As String
    Dim i As Long, r As Long, k As Long, m As Long, code As Long
    Dim inputCols As Variant, canonical As Variant, actions As Range

    capacity = Setting("Set_Capacity", "hours a month")
    budget = Int(Setting("Set_Budget", "annual budget") / 12 * 100 + 0.5) / 100
    wip = Setting("Set_WipLimit", "work-in-progress limit")
    startMonth = CLng(Setting("Set_StartMonth", "start month"))
    RefuseDegenerate
    firstOpen = (Year(clickTime) - CLng(Setting("Set_Year", "year"))) * 12 + _
                Month(clickTime) - startMonth + 1
    If firstOpen < 1 Then firstOpen = 1
    If firstOpen > 13 Then firstOpen = 13
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
    Dim wanted As String, entry As Long, tally As Long, tbl As Range
    tally = 0
    For m = 1 To 12
        Set tbl = MonthArea(m)
        Set monthTbl(m) = tbl
        monthData(m) = tbl.Value
        monthTyped(m) = tbl.Formula
        tally = tally + UBound(monthData(m), 1)
    Next m
    NewTable firstKeys, firstVals, tally
    NewTable monthKeys, monthVals, tally
    For m = 1 To 12
        For r = 1 To UBound(monthData(m), 1)
            wanted = Txt(monthData(m)(r, 1))
            If wanted <> "" Then
                entry = m * 100000 + r
                Store firstKeys, firstVals, wanted, entry, False
                Store monthKeys, monthVals, wanted & "|" & m, entry, False
            End If
        Next r
    Next m

    Set actions = ActionsArea()
    data = actions.Value
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
    ReDim aCode(1 To n + 1): ReDim aEntry(1 To n + 1): ReDim aHasWork(1 To n + 1)
    ReDim pMonth(1 To n + 1): ReDim pReason(1 To n + 1): ReDim aLateSince(1 To n + 1)
    ReDim decided(1 To n + 1): ReDim decidedMonth(1 To n + 1)
    NewTable byIdKeys, byIdVals, n
    For i = 1 To n
        r = aRow(i)
        aId(i) = Txt(data(r, C_ID))
        aPinned(i) = (LCase(Txt(data(r, C_PINNED))) = yes)
        aMonth(i) = 0
        k = CalendarMonth(calMonths, data(r, C_MONTH), actions, r, C_MONTH)
        If k > 0 Then aMonth(i) = ((k - startMonth) Mod 12 + 12) Mod 12 + 1
        aHours(i) = Num(data(r, C_HOURS))
        aCost(i) = Num(data(r, C_COST))
        aScored(i) = IsNum(data(r, C_SCORE))
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
        aLateSince(i) = Txt(data(r, C_LATE_SINCE))
        aImpact(i) = data(r, C_IMPACT)
        aEffort(i) = data(r, C_EFFORT)
        aStatus(i) = data(r, C_STATUS)

        entry = Found(monthKeys, monthVals, aId(i) & "|" & aMonth(i))
        If entry = 0 Then entry = Found(firstKeys, firstVals, aId(i))
        aEntry(i) = entry
        aHasWork(i) = False
        If entry > 0 Then
            m = entry \ 100000
            r = entry - m * 100000
            For k = 2 To 4
                aHasWork(i) = aHasWork(i) Or Not Blank(monthData(m)(r, M_INPUT + k))
            Next k
            If aMonth(i) > 0 Then aStatus(i) = monthData(m)(r, M_INPUT + 1)
        End If
        code = IndexOf(statusLabels, aStatus(i))
        aCode(i) = code
        aOpen(i) = (code <> 4 And code <> 5)
        If code > 0 Then aStatus(i) = canonical(code, 1)
        Store byIdKeys, byIdVals, aId(i), i, True
    Next i
End Sub

Private Sub ReadMoments(calMonths As Variant)
    Dim momentCells As Range, grid As Variant, i As Long, k As Long
    Set momentCells = Area("List_Moments")
    grid = momentCells.Resize(momentCells.Rows.Count, 2).Value
    NewTable momentKeys, momentVals, UBound(grid, 1)
    ReDim momentMonth(1 To UBound(grid, 1))
    For i = 1 To UBound(grid, 1)
        k = CalendarMonth(calMonths, grid(i, 2), momentCells, i, 2)
        If k = 0 Then k = 1
        momentMonth(i) = k
        Store momentKeys, momentVals, Txt(grid(i, 1)), i, True
    Next i
End Sub

' ---------------------------------------------------------------- formatting

Private Function Figure(ByVal x As Double) As String
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

Private Function Amount(ByVal x As Double) As String
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
    Dim at As Long
    pMonth(i) = m
    pReason(i) = reason
    at = Found(byIdKeys, byIdVals, aId(i))
    If at > 0 Then
        decided(at) = True
        decidedMonth(at) = m
    End If
End Sub

Private Sub ReadDependencies()
    ' each action's dependencies on other actions, as (id, action) pairs; ids of no action
    ' and an action's own id are left out
    Dim i As Long, k As Long, deps As Variant, d As String, at As Long, tally As Long
    ReDim depStart(1 To n + 1): ReDim depCount(1 To n + 1)
    tally = 0
    For i = 1 To n
        If aDeps(i) <> "" Then tally = tally + UBound(Split(aDeps(i), ",")) + 1
    Next i
    ReDim depSlot(1 To tally + 1): ReDim depName(1 To tally + 1)
    tally = 0
    For i = 1 To n
        depStart(i) = tally + 1
        If aDeps(i) <> "" Then
            deps = Split(aDeps(i), ",")
            For k = LBound(deps) To UBound(deps)
                d = Trim(deps(k))
                at = 0
                If d <> "" And d <> aId(i) Then at = Found(byIdKeys, byIdVals, d)
                If at > 0 Then
                    tally = tally + 1
                    depSlot(tally) = at
                    depName(tally) = d
                End If
            Next k
        End If
        depCount(i) = tally + 1 - depStart(i)
    Next i
End Sub

Private Function Unblocked(ByVal i As Long) As Boolean
    ' every dependency of action i has been decided
    Dim k As Long
    Unblocked = True
    For k = depStart(i) To depStart(i) + depCount(i) - 1
        If Not decided(depSlot(k)) Then
            Unblocked = False
            Exit Function
        End If
    Next k
End Function

Private Sub ScheduleActions()
    Dim i As Long, k As Long, m As Long, why As String, queue() As Long, movable As Long
    Dim pending() As Boolean, remaining As Long, pick As Long, head As Long
    For m = 1 To 12
        mHours(m) = 0: mCost(m) = 0: mOpen(m) = 0
    Next m
    ReadDependencies
    ReDim queue(1 To n + 1)
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
            queue(movable) = i
        End If
    Next i
    SortByRank queue, movable

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
                If Unblocked(queue(k)) Then
                    pick = k
                    Exit For
                End If
            End If
        Next k
        If pick = 0 Then
            ' the rest wait on each other: a dependency cycle
            For k = 1 To movable
                If pending(k) Then
                    Decide queue(k), 0, "not placed: its dependencies form a circle"
                    Settle queue(k)
                    pending(k) = False
                End If
            Next k
            Exit Do
        End If
        pending(pick) = False
        remaining = remaining - 1
        i = queue(pick)
        Place i
        Settle i
    Loop
End Sub

Private Sub Place(ByVal i As Long)
    Dim first As Long, last As Long, after As String, k As Long
    Dim at As Long, m As Long, cal As Long
    Dim current As Long, currentLack As String, lastLack As String, why As String
    Dim head As String, candidates(1 To 12) As Long, nc As Long, tied As Boolean
    first = 1: after = ""
    For k = depStart(i) To depStart(i) + depCount(i) - 1
        at = depSlot(k)
        If aOpen(at) Then
            m = decidedMonth(at)
            If m = 0 Then
                Decide i, 0, "not placed: it waits for " & depName(k) & ", which has no month"
                Exit Sub
            End If
            If m + 1 > first Then first = m + 1: after = depName(k)
        End If
    Next k
    If first > 12 Then
        Decide i, 0, "not placed: " & after & " ends in the plan's last month"
        Exit Sub
    End If
    If firstOpen > first Then first = firstOpen: after = ""
    If first > 12 Then
        Decide i, 0, "not placed: every month of the plan is closed"
        Exit Sub
    End If
    last = 12
    at = Found(momentKeys, momentVals, aMoment(i))
    tied = (at > 0)
    If tied Then
        ' before this year's moment, or the next one's when this one comes too soon
        cal = momentMonth(at)
        last = ((cal - startMonth) Mod 12 + 12) Mod 12
        If last < first Then last = 12
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
            ElseIf current > 0 And current < firstOpen Then
                why = "late, " & monthNames(current) & " is closed"
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

Private Function Stays(ByVal i As Long, ByVal label As String) As String
    ' the reason written when the action was put in this month, while it still names it,
    ' so that a second click changes nothing
    If aReason(i) <> "" And (InStr(aReason(i), Arrow() & label & ":") > 0 _
                             Or InStr(aReason(i), "in " & label & ":") > 0) Then
        Stays = aReason(i)
    Else
        Stays = "stays in " & label & ": it fits"
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

Private Sub SortByRank(queue() As Long, ByVal tally As Long)
    ' a stable merge sort of queue(1..tally)
    Dim work() As Long, stride As Long, lo As Long, md As Long, hi As Long
    Dim a As Long, b As Long, k As Long
    If tally < 2 Then Exit Sub
    ReDim work(1 To tally)
    stride = 1
    Do While stride < tally
        lo = 1
        Do While lo <= tally
            md = lo + stride - 1
            If md > tally Then md = tally
            hi = lo + 2 * stride - 1
            If hi > tally Then hi = tally
            a = lo: b = md + 1
            For k = lo To hi
                If a <= md And b > hi Then
                    work(k) = queue(a): a = a + 1
                ElseIf a > md Then
                    work(k) = queue(b): b = b + 1
                ElseIf Before(queue(b), queue(a)) Then
                    work(k) = queue(b): b = b + 1
                Else
                    work(k) = queue(a): a = a + 1
                End If
            Next k
            lo = hi + 1
        Loop
        For k = 1 To tally
            queue(k) = work(k)
        Next k
        stride = stride * 2
    Loop
End Sub

' ---------------------------------------------------------------- writing

Private Function Quoted(ByVal sheetName As String) As String
    Quoted = "'" & Replace(sheetName, "'", "''") & "'!"
End Function

Private Function AsText(ByVal v As Variant) As Variant
    ' a value to write so that the cell holds it as it is: text gets an apostrophe, or
    ' "1/2", "3-4", "12%", "01" and "=x" would be read as if typed (a date, a number,
    ' a formula); the apostrophe is not part of the cell's text
    If VarType(v) = V_STRING Then
        If v = "" Then AsText = Empty Else AsText = "'" & v
    Else
        AsText = v
    End If
End Function

Private Function IsFormulaText(ByVal v As Variant) As Boolean
    If VarType(v) = V_STRING Then IsFormulaText = (Left$(v, 1) = "=") Else IsFormulaText = False
End Function

Private Function AsTyped(ByVal v As Variant, ByVal typed As Variant) As Variant
    ' what to write so that a cell read as value v and formula typed holds it again: its
    ' formula, an error value as its text (#N/A), anything else as the value it is
    If IsFormulaText(typed) Then
        If VarType(v) <> V_STRING Then
            AsTyped = typed
            Exit Function
        ElseIf v <> typed Then
            AsTyped = typed
            Exit Function
        End If
    End If
    If IsError(v) Then AsTyped = typed Else AsTyped = AsText(v)
End Function

Private Function IsDated(ByVal v As Variant, ByVal tbl As Range, ByVal r As Long, _
                         ByVal c As Long) As Boolean
    ' a date typed in a month table: a Date to Excel, a number in a date format to both
    If VarType(v) = V_DATE Then
        IsDated = True
    ElseIf IsNum(v) Then
        IsDated = IsDateFormat(tbl.Cells(r, c).NumberFormat)
    Else
        IsDated = False
    End If
End Function

Private Function Blanks(ByVal lines As Long, ByVal cols As Long) As Variant
    ' a lines x cols array of Empty (LibreOffice writes 0 for an element ReDim left unset)
    Dim out() As Variant, r As Long, c As Long
    ReDim out(1 To lines, 1 To cols)
    For r = 1 To lines
        For c = 1 To cols
            out(r, c) = Empty
        Next c
    Next r
    Blanks = out
End Function

Private Sub PrepareMonths()
    ' each month table's lines: the id, what Actions shows, status, results, spend and
    ' notes as typed where the action's row was, its cost and hours
    Dim m As Long, i As Long, k As Long, c As Long, lines As Long, tbl As Range
    Dim grid As Variant, dated As Variant, first As Long, actions As Range
    Dim actSheet As String, src As Long, r As Long, refs As Variant
    Set actions = ActionsArea()
    actSheet = Quoted(actions.Worksheet.Name)
    refs = Array("B", "C", "D", "L", "E")
    For m = 1 To 12
        lines = 0
        For i = 1 To n
            If pMonth(i) = m Then lines = lines + 1
        Next i
        outRows(m) = lines
        Set tbl = MonthArea(m)
        If lines > 0 Then
            grid = Blanks(lines, MON_COLS)
            ' a new array each month: LibreOffice assigns arrays by reference, so a ReDim
            ' would change the one already kept in outDated
            dated = Blanks(lines, MON_COLS)
            k = 0
            For i = 1 To n
                If pMonth(i) = m Then
                    k = k + 1
                    first = actions.Row + aRow(i) - 1
                    grid(k, 1) = AsText(aId(i))
                    For c = 0 To 4
                        grid(k, 2 + c) = "=""""&" & actSheet & "$" & refs(c) & "$" & first
                    Next c
                    If aCode(i) > 0 Then
                        grid(k, M_INPUT + 1) = AsText(aStatus(i))
                    Else
                        grid(k, M_INPUT + 1) = AsTyped(aStatus(i), aStatus(i))
                    End If
                    If aEntry(i) > 0 Then
                        src = aEntry(i) \ 100000
                        r = aEntry(i) - src * 100000
                        For c = M_INPUT + 2 To M_INPUT + 4
                            grid(k, c) = AsTyped(monthData(src)(r, c), monthTyped(src)(r, c))
                            dated(k, c) = IsDated(monthData(src)(r, c), monthTbl(src), r, c)
                        Next c
                    End If
                    grid(k, 11) = "=" & actSheet & "$J$" & first
                    grid(k, 12) = "=" & actSheet & "$K$" & first
                    ' the status column of Actions shows the one typed on this row
                    aStatus(i) = "=""""&" & Quoted(tbl.Worksheet.Name) & "$G$" & (tbl.Row + k - 1)
                    aCode(i) = -1
                End If
            Next i
            outTable(m) = grid
            outDated(m) = dated
        Else
            outTable(m) = Empty
            outDated(m) = Empty
        End If
    Next m
End Sub

Private Sub PrepareActions()
    ' the columns of Actions the plan decides (see DECIDED_COLS)
    Dim span As Long, i As Long, ranked() As Long, tally As Long, k As Long
    Dim grid As Variant
    span = ActionsArea().Rows.Count
    grid = Blanks(span, DECIDED_COLS)
    ReDim ranked(1 To n + 1)
    tally = 0
    For i = 1 To n
        If aOpen(i) And aScored(i) Then tally = tally + 1: ranked(tally) = i
    Next i
    SortByRank ranked, tally
    For k = 1 To tally
        grid(aRow(ranked(k)), 3) = k
    Next k
    For i = 1 To n
        If pMonth(i) > 0 Then grid(aRow(i), 1) = AsText(monthNames(pMonth(i)))
        If aCode(i) = -1 Then
            grid(aRow(i), 2) = aStatus(i)
        ElseIf aCode(i) > 0 Then
            grid(aRow(i), 2) = AsText(aStatus(i))
        Else
            grid(aRow(i), 2) = AsTyped(aStatus(i), aStatus(i))
        End If
        grid(aRow(i), 4) = AsText(pReason(i))
        ' an open action in a closed month is late, and stays so wherever it goes next
        If aLateSince(i) = "" And aOpen(i) And aMonth(i) > 0 And aMonth(i) < firstOpen Then
            aLateSince(i) = monthNames(aMonth(i))
        End If
        If aLateSince(i) <> "" Then grid(aRow(i), 5) = AsText(aLateSince(i))
    Next i
    outActions = grid
End Sub

Private Function ActionColumn(ByVal k As Long) As Range
    ' the k-th column the plan decides
    Set ActionColumn = ActionsArea().Columns(Choose(k, C_MONTH, C_STATUS, C_RANK, C_REASON, _
                                                    C_LATE_SINCE))
End Function

Private Sub CheckWritable(ByVal stamp As Range)
    Dim m As Long
    RefuseIfProtected ActionsArea().Worksheet
    RefuseIfProtected stamp.Worksheet
    RefuseIfProtected Area("Set_AsOf").Worksheet
    For m = 1 To 12
        RefuseIfProtected MonthArea(m).Worksheet
    Next m
End Sub

Private Sub RefuseIfProtected(ByVal ws As Worksheet)
    If ws.ProtectContents Then
        Refuse "The sheet " & ws.Name & " is protected. Unprotect it (Review > " & _
               "Unprotect Sheet), click the button again, then protect it again."
    End If
End Sub

Private Sub KeepWhatIsThere(ByVal stamp As Range)
    ' what the grid about to be written hold, as typed, to put back if writing fails
    Dim m As Long, k As Long, r As Long, c As Long, tbl As Range
    Dim grid As Variant, held As Variant, typed As Variant
    ' (a new array each time, never a ReDim: LibreOffice assigns arrays by reference)
    For m = 1 To 12
        grid = Blanks(UBound(monthData(m), 1), MON_COLS)
        For r = 1 To UBound(monthData(m), 1)
            For c = 1 To MON_COLS
                grid(r, c) = AsTyped(monthData(m)(r, c), monthTyped(m)(r, c))
            Next c
        Next r
        keptTable(m) = grid
        grownBy(m) = 0
    Next m
    ReDim keptActions(1 To DECIDED_COLS)
    For k = 1 To DECIDED_COLS
        held = ActionColumn(k).Value
        typed = ActionColumn(k).Formula
        grid = Blanks(UBound(held, 1), 1)
        For r = 1 To UBound(held, 1)
            grid(r, 1) = AsTyped(held(r, 1), typed(r, 1))
        Next r
        keptActions(k) = grid
    Next k
    keptStamp = AsTyped(stamp.Value, stamp.Formula)
    keptAsOf = AsTyped(Area("Set_AsOf").Value, Area("Set_AsOf").Formula)
    formatCount = 0
End Sub

Private Sub PutRows(ByVal target As Range, grid As Variant, ByVal lines As Long)
    ' clear target, then write lines of grid as its first lines. A formula alone in an
    ' otherwise empty table column makes Excel fill the whole column with it, so such
    ' a column holds a mark in the row below until the formula is in
    Dim c As Long, r As Long, filled As Long, formulas As Long, marked() As Boolean
    Dim used As Long, part As Variant
    target.ClearContents
    ' only down to the last row that holds something
    used = 0
    For r = 1 To lines
        For c = 1 To UBound(grid, 2)
            If Not IsEmpty(grid(r, c)) Then used = r
        Next c
    Next r
    If used = 0 Then Exit Sub
    lines = used
    part = Blanks(lines, UBound(grid, 2))
    For r = 1 To lines
        For c = 1 To UBound(grid, 2)
            part(r, c) = grid(r, c)
        Next c
    Next r
    ReDim marked(1 To UBound(grid, 2))
    For c = 1 To UBound(grid, 2)
        filled = 0: formulas = 0
        For r = 1 To lines
            If Not IsEmpty(grid(r, c)) Then
                filled = filled + 1
                If IsFormulaText(grid(r, c)) Then formulas = formulas + 1
            End If
        Next r
        marked(c) = (filled = 1 And formulas = 1 And lines < target.Rows.Count)
        If marked(c) Then target.Cells(lines + 1, c).Value = "-"
    Next c
    target.Resize(lines).Formula = part
    For c = 1 To UBound(grid, 2)
        If marked(c) Then target.Cells(lines + 1, c).ClearContents
    Next c
End Sub

Private Sub WriteMonths()
    Dim m As Long, k As Long, c As Long, tbl As Range, span As Long, extra As Long
    Dim dated As Variant
    For m = 1 To 12
        Set tbl = MonthArea(m)
        span = tbl.Rows.Count
        If outRows(m) >= span Then
            ' lines inserted inside the table, so the table and every range on it grow;
            ' a spare row always stays below the last action
            extra = outRows(m) - span + SPARE_MONTH_ROWS
            tbl.Worksheet.Rows(tbl.Row + span - 1).Resize(extra).Insert
            grownBy(m) = extra
            Set tbl = MonthArea(m)
        End If
        PutRows tbl, outTable(m), outRows(m)
        If outRows(m) > 0 Then
            ' a date keeps showing as a date where the column's format is not one
            dated = outDated(m)
            For k = 1 To outRows(m)
                For c = M_INPUT + 2 To M_INPUT + 4
                    If dated(k, c) = True Then ShowAsDate tbl.Cells(k, c)
                Next c
            Next k
        End If
    Next m
End Sub

Private Sub ShowAsDate(ByVal cell As Range)
    If IsDateFormat(cell.NumberFormat) Then Exit Sub
    formatCount = formatCount + 1
    ReDim Preserve formatCells(1 To formatCount): ReDim Preserve formatWas(1 To formatCount)
    Set formatCells(formatCount) = cell
    formatWas(formatCount) = cell.NumberFormat
    cell.NumberFormat = DATE_FORMAT
End Sub

Private Sub WriteActions()
    Dim k As Long, r As Long, grid As Variant, span As Long
    span = UBound(outActions, 1)
    grid = Blanks(span, 1)
    For k = 1 To DECIDED_COLS
        For r = 1 To span
            grid(r, 1) = outActions(r, k)
        Next r
        PutRows ActionColumn(k), grid, span
    Next k
End Sub

Private Sub PutBack(ByVal stamp As Range)
    ' writing failed: every cell written goes back to what it held
    Dim m As Long, k As Long, tbl As Range
    On Error Resume Next
    For k = formatCount To 1 Step -1
        formatCells(k).NumberFormat = formatWas(k)
    Next k
    For m = 1 To 12
        Set tbl = MonthArea(m)
        If grownBy(m) > 0 Then
            tbl.Worksheet.Rows(tbl.Row + tbl.Rows.Count - 1 - grownBy(m)).Resize(grownBy(m)).Delete
            Set tbl = MonthArea(m)
        End If
        PutRows tbl, keptTable(m), UBound(keptTable(m), 1)
    Next m
    For k = 1 To DECIDED_COLS
        PutRows ActionColumn(k), keptActions(k), UBound(keptActions(k), 1)
    Next k
    stamp.Formula = keptStamp
    Area("Set_AsOf").Formula = keptAsOf
End Sub
